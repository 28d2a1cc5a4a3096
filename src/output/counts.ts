/** A count as Sheets users read it: 1234567 → "1,234,567" (the money grouping, without the cents). */
import { fenToDisplay } from '../core/money';

export function groupedCount(n: number): string {
  return fenToDisplay(Math.round(n) * 100).slice(0, -3);
}
