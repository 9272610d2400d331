// npm run bench: every speed and memory figure the issues ask for, printed, never asserted.
import { benchFunctions } from "./functions.mjs";

console.log(`node ${process.version}, ${process.platform} ${process.arch}\n`);
benchFunctions();
