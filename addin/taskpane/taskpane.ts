/**
 * The shared runtime's page: it hosts the custom functions (functions.js, loaded beside this script) and the
 * screening pane. Office calls are made only through the host passed to the React app.
 */
import { mountPane } from "./mount";
import { officeHost } from "./host";

Office.onReady(() => mountPane(officeHost()));
