/**
 * A fake Protection (Apps Script's Class Protection, "Access and modify protected ranges and
 * sheets"), as Google documents it:
 *
 *   - Sheet.protect() and Range.protect() make a protection whose permissions "mirror those of the
 *     spreadsheet itself" until the script changes its editors (addEditor, removeEditor(s),
 *     setDomainEdit): until then the sheet or range is effectively unprotected; a sheet that is
 *     protected already returns its existing protection, a range gets a new, overlapping one;
 *   - warning-only protection lets every user edit after a warning, and then the editors are
 *     ignored (Sheets API: "if this field is true, then editors are ignored"); a script is not
 *     shown the warning;
 *   - neither the owner of the spreadsheet nor the current user can be removed from the editors;
 *   - getEditors, setters and remove() need permission to edit the protected area.
 *
 * A user who may not edit a protected cell gets Sheets' error when a script writes to it: the
 * fake is no kinder than Google there.
 */
import type { Checked } from './checked';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

export const PROTECTED_MESSAGE = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Apps Script's SpreadsheetApp.ProtectionType. */
export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
type Kind = keyof typeof ProtectionType;

/** A Base.User as getEditors returns it. */
export class FakeUser implements Checked<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(readonly _email: string) {}

  getEmail(): string {
    return this._email;
  }
}

function emailOf(user: unknown): string {
  return typeof user === 'string' ? user : user && typeof (user as FakeUser).getEmail === 'function' ? (user as FakeUser).getEmail() : String(user);
}

type ProtectionMethods =
  | 'addEditor' | 'addEditors' | 'canDomainEdit' | 'canEdit' | 'getDescription' | 'getEditors' | 'getProtectionType' | 'getRange'
  | 'isWarningOnly' | 'remove' | 'removeEditor' | 'removeEditors' | 'setDescription' | 'setDomainEdit' | 'setWarningOnly';

export class FakeProtection implements Checked<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods> {
  _description = '';
  _warningOnly = false;
  /** null: the protection still mirrors the spreadsheet's own permissions (no editor changed yet). */
  _editors: string[] | null = null;
  _domainEdit = true;

  constructor(
    readonly _spreadsheet: FakeSpreadsheet,
    readonly _kind: Kind,
    readonly _sheet: FakeSheet,
    /** For a RANGE protection, the cells; a SHEET protection covers the whole sheet whatever its size. */
    readonly _range: FakeRange | null,
  ) {}

  private _count(method: string): void {
    this._spreadsheet._calls.count('Protection.' + method);
  }

  /** Whether `email` may edit what this protects. */
  _allows(email: string): boolean {
    if (this._warningOnly || this._editors === null) return true;
    return email === this._spreadsheet._owner || this._editors.indexOf(email) >= 0;
  }

  _covers(sheet: FakeSheet, row: number, column: number, rows: number, columns: number): boolean {
    if (sheet !== this._sheet) return false;
    if (!this._range) return true;
    const r = this._range;
    return row <= r._row + r._rows - 1 && row + rows - 1 >= r._row && column <= r._column + r._columns - 1 && column + columns - 1 >= r._column;
  }

  /** Changing the protection itself needs permission to edit the area. */
  private _mayChange(method: string): void {
    this._count(method);
    this._spreadsheet._refuseInCustomFunction(method);
    if (!this._allows(this._spreadsheet._activeUser())) throw new Error(PROTECTED_MESSAGE);
  }

  /** The first change of editors restricts the protection: from then on only the editors listed (and the owner) may edit. */
  private _restrict(): string[] {
    if (this._editors === null) this._editors = this._spreadsheet._documentEditors().slice();
    return this._editors;
  }

  addEditor(user: unknown): FakeProtection {
    this._mayChange('addEditor');
    const editors = this._restrict();
    const email = emailOf(user);
    if (editors.indexOf(email) < 0) editors.push(email);
    return this;
  }

  addEditors(emailAddresses: string[]): FakeProtection {
    this._mayChange('addEditors');
    emailAddresses.forEach((email) => this._restrict().indexOf(email) < 0 && this._restrict().push(email));
    return this;
  }

  removeEditor(user: unknown): FakeProtection {
    this._mayChange('removeEditor');
    this._removeAll([emailOf(user)]);
    return this;
  }

  removeEditors(users: unknown[]): FakeProtection {
    this._mayChange('removeEditors');
    this._removeAll(Array.from(users, emailOf));
    return this;
  }

  /** Neither the owner nor the current user can be removed (Google: "Neither the owner … nor the current user can be removed"). */
  private _removeAll(emails: string[]): void {
    const keep = [this._spreadsheet._owner, this._spreadsheet._activeUser()];
    const editors = this._restrict();
    this._editors = editors.filter((email) => emails.indexOf(email) < 0 || keep.indexOf(email) >= 0);
  }

  canDomainEdit(): boolean {
    this._count('canDomainEdit');
    return this._domainEdit;
  }

  setDomainEdit(editable: boolean): FakeProtection {
    this._mayChange('setDomainEdit');
    this._restrict();
    this._domainEdit = editable;
    return this;
  }

  canEdit(): boolean {
    this._count('canEdit');
    return this._allows(this._spreadsheet._activeUser());
  }

  getEditors(): FakeUser[] {
    this._mayChange('getEditors');
    return (this._editors === null ? this._spreadsheet._documentEditors() : this._editors).map((email) => new FakeUser(email));
  }

  getDescription(): string {
    this._count('getDescription');
    return this._description;
  }

  setDescription(description: string): FakeProtection {
    this._mayChange('setDescription');
    this._description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    this._count('isWarningOnly');
    return this._warningOnly;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this._mayChange('setWarningOnly');
    this._warningOnly = !!warningOnly;
    return this;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    this._count('getProtectionType');
    return ProtectionType[this._kind] as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): FakeRange {
    this._count('getRange');
    return this._range || this._sheet._range(1, 1, this._sheet._maxRows, this._sheet._maxColumns);
  }

  remove(): void {
    this._mayChange('remove');
    this._spreadsheet._protections = this._spreadsheet._protections.filter((p) => p !== this);
  }

  /** For GET /api/spreadsheet and the preview's warning before an edit. */
  _snapshot() {
    const range = this._range;
    return {
      type: this._kind,
      description: this._description,
      warningOnly: this._warningOnly,
      editors: this._editors,
      range: range ? { row: range._row, column: range._column, rows: range._rows, columns: range._columns } : null,
    };
  }
}
