import { checkCharacter } from "../../core/uscc/uscc";

/** A valid 统一社会信用代码 registered in `division` (default Harbin), distinguished by `serial`. */
export function makeUscc(serial: number, division = "230100"): string {
  const body = `91${division}MA${String(serial).padStart(7, "0")}`;
  return body + checkCharacter(body);
}
