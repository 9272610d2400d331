/// <reference types="wps-jsapi" />
/**
 * What WPS offers that the wps-jsapi 1.0.5 typings do not describe. wps.AddCustomFunction registers a custom
 * function (WPS 12.1.0.20540 and later; TOOLCHAIN.md "Checked in the third round"): test that it exists before
 * calling it.
 */
declare namespace wps {
  function AddCustomFunction(ns: string, name: string, fn: (...args: any[]) => unknown): void;
}
