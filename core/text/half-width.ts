/**
 * Full-width forms (ＡＢＣ１２３（）％，) to their ASCII twins, and the ideographic space to a plain space:
 * Chinese input methods produce them, and people cannot see the difference.
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}
