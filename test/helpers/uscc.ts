import { checkCharacter } from "../../core/uscc/uscc";

/** A valid 统一社会信用代码 registered in `division` (default Harbin), distinguished by `serial`. */
/** `prefix` is the registering authority and kind: `91` a company, `11` a government organ (机关). */
export function makeUscc(serial: number, division = "230100", prefix = "91"): string {
  const body = `${prefix}${division}MA${String(serial).padStart(7, "0")}`;
  return body + checkCharacter(body);
}
