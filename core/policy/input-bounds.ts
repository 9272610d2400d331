/**
 * Plausible bounds of inputs (RULES.md, "Reading numbers"). These are not numbers of the policy but limits
 * of what an officer can mean: anything outside is almost always a unit mistake (yuan typed as fen, a rate
 * in percent points, a fraction in a column headed %), and is an input error naming the cell or argument,
 * never an award.
 */
export const INPUT_BOUNDS = {
  /** An amount must be finite and at most 10^13 yuan (ten trillion). */
  maxAmount: "10000000000000",
  /** A loan rate is 0 (an interest-free loan) or between 0.1% and 24% a year, as a fraction. */
  loanRate: { min: "0.001", max: "0.24" },
  /** A one-year LPR is between 0.5% and 20%, as a fraction. */
  lprRate: { min: "0.005", max: "0.2" },
  /** Excel keeps 15 significant digits: a float is read at that precision. */
  floatDigits: 15,
} as const;
