/** Tools that run under jest but are not tests of their own (npm run fingerprint). */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/tools"],
  testMatch: ["**/*.tool.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", {}] },
  testTimeout: 300000,
};
