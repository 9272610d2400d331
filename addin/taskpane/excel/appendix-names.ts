/**
 * The calculation appendix's sheet (附件：计算明细, SCREENING.md revision 3) and the workbook-level name that marks
 * it as written by this add-in, beside core's RESULTS_/SUMMARY_ ones: with its content (the appendix's header
 * row), what makes the sheet ours.
 */
export const APPENDIX_SHEET = "HLJ计算明细";
export const APPENDIX_MARKER_NAME = "HLJ_SCREEN_APPENDIX";
