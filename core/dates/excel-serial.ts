import { IsoDate, fromDayNumber, parseIsoDate } from "./civil-date";

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the phantom 1900-02-29 that Excel keeps
 * for Lotus 1-2-3 compatibility, so serials from 61 on are one day ahead of a plain count. Serial 25569 is
 * 1970-01-01, day number 0 here.
 */
const UNIX_EPOCH_SERIAL = 25_569;
const PHANTOM_LEAP_DAY = 60;
/** 9999-12-31, Excel's last date. */
const LAST_SERIAL = 2_958_465;

/** The calendar date of a serial (its time of day dropped), or null for 60, non-positive or too large serials. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > LAST_SERIAL || day === PHANTOM_LEAP_DAY) return null;
  return fromDayNumber(day < PHANTOM_LEAP_DAY ? day - UNIX_EPOCH_SERIAL + 1 : day - UNIX_EPOCH_SERIAL);
}

export function isoToExcelSerial(date: IsoDate): number | null {
  const dayNumber = parseIsoDate(date);
  if (dayNumber === null) return null;
  const serial = dayNumber + UNIX_EPOCH_SERIAL;
  return serial <= PHANTOM_LEAP_DAY ? serial - 1 : serial;
}
