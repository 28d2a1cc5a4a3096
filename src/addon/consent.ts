/**
 * With granular consent a user may grant one of the add-on's two scopes and not the other. The
 * sidebar, the Policy sheet and the write need both (the menu and dialogs, and this spreadsheet),
 * so they ask for all first: Apps Script then stops the execution and shows the consent screen
 * for what is missing, instead of failing half-way with a permission error.
 */
export function requireAllScopes(): void {
  ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL);
}
