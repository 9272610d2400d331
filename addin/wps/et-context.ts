/**
 * The request context over ET: Office.js queues commands and runs them on context.sync(); ET runs each call at
 * once. So every command here is queued and run, in order, against ET when sync() is called, and what was
 * loaded becomes readable only then (read before, it throws PropertyNotLoaded as Office does). ET's own
 * exceptions come back as Office-like errors with a `code`.
 */
import { XL } from "./et-convert";
import type { EtApiEvent, EtApplicationModel, EtWorkbookModel } from "./et-model";

export interface OfficeLikeError extends Error {
  code: string;
}

export function officeError(code: string, message: string): OfficeLikeError {
  const error = new Error(message) as OfficeLikeError;
  error.name = "RichApi.Error";
  error.code = code;
  return error;
}

/** An ET exception as Office would report it: its `code` kept when it has one, else GeneralException. */
export function asOfficeError(error: unknown): unknown {
  if ((error as { code?: unknown })?.code) return error;
  const message = error instanceof Error ? error.message : String(error);
  return officeError("GeneralException", `WPS 表格: ${message}`);
}

export class EtContext {
  private queue: (() => void)[] = [];
  private after: (() => void)[] = [];
  private suspended = false;
  /** Set by etExcelRun (the workbook's proxies need the context first). */
  workbook!: unknown;
  readonly application = {
    /** ET has no per-request suspension: calculation is manual while the next sync runs, then as it was. */
    suspendApiCalculationUntilNextSync: () => {
      this.suspended = true;
    },
  };
  constructor(
    readonly app: EtApplicationModel,
    readonly events: EtApiEvent | undefined,
  ) {}

  enqueue(op: () => void): void {
    this.queue.push(op);
  }

  onSynced(done: () => void): void {
    this.after.push(done);
  }

  private bound: EtWorkbookModel | null = null;
  /** The workbook of this batch: the active one when the batch first reaches it (Excel.run's is the add-in's document). */
  get book(): EtWorkbookModel {
    this.bound ??= this.app.ActiveWorkbook;
    if (!this.bound) throw officeError("ItemNotFound", "WPS 表格 has no open workbook.");
    return this.bound;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  /** Runs the queued commands against ET, screen updating off (and calculation manual when suspended). */
  async sync(): Promise<void> {
    const queue = this.queue;
    const after = this.after;
    const suspended = this.suspended;
    this.queue = [];
    this.after = [];
    this.suspended = false;
    const app = this.app;
    const calculation = suspended ? app.Calculation : undefined;
    const screen = app.ScreenUpdating;
    try {
      app.ScreenUpdating = false;
      if (suspended) app.Calculation = XL.calculationManual;
      for (const op of queue) op();
    } catch (error) {
      throw asOfficeError(error);
    } finally {
      if (calculation !== undefined) app.Calculation = calculation;
      app.ScreenUpdating = screen;
    }
    for (const done of after) done();
  }
}

/** A proxy whose properties are readable once loaded and synced. */
export class LoadedProxy {
  protected loaded = new Set<string>();
  protected ready = false;
  constructor(readonly context: EtContext) {}

  protected read<T>(property: string, value: () => T): T {
    if (!this.ready || !this.loaded.has(property)) {
      throw officeError(
        "PropertyNotLoaded",
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return value();
  }

  /** Marks `properties` loaded when `fetch` has run at sync. */
  protected loadWith(properties: string[], fetch: () => void): this {
    this.context.enqueue(() => {
      fetch();
      for (const p of properties) this.loaded.add(p);
    });
    this.context.onSynced(() => (this.ready = true));
    return this;
  }
}

/** `items/name,items/formula` → ["name", "formula"]; `values` → ["values"]. */
export const propertyList = (properties: string) =>
  properties
    .split(",")
    .map((p) => p.trim().replace(/^items\//, ""))
    .filter(Boolean);
