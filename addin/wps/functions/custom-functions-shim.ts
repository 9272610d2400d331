/**
 * The piece of Excel's custom-functions runtime that the function code touches, for WPS, which has no
 * `CustomFunctions` global: excel-args.ts makes its errors with `new CustomFunctions.Error(code, message)` and
 * `CustomFunctions.ErrorCode`, and a build through custom-functions-metadata-plugin appends
 * `CustomFunctions.associate(id, fn)` calls to functions.ts. Installed when this module is first imported, and
 * only where no CustomFunctions exists (never over Excel's own); the WPS wrappers (register.ts) turn these
 * errors into what a WPS cell shows.
 */

/** An Excel error value, as the function code makes it: the code Excel would show (#VALUE!) and the message. */
export class ShimError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** CustomFunctions.ErrorCode's members and values (@types/custom-functions-runtime). */
export const SHIM_ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Installs the shim unless a CustomFunctions global is already there; true when it is the shim that is there. */
export function installCustomFunctionsShim(): boolean {
  const scope = globalThis as { CustomFunctions?: unknown };
  if (scope.CustomFunctions === undefined) {
    scope.CustomFunctions = {
      Error: ShimError,
      ErrorCode: SHIM_ERROR_CODE,
      // WPS registers with wps.AddCustomFunction (register.ts): Excel's registration calls do nothing here.
      associate: () => undefined,
    };
  }
  return (scope.CustomFunctions as { Error?: unknown }).Error === ShimError;
}

installCustomFunctionsShim();
