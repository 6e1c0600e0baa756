/** Inline CSS of the HTML report (the CSP allows inline styles only). Pure module. */
export const HTML_STYLES = `
body { font-family: system-ui, sans-serif; margin: 24px auto; max-width: 1000px; color: #111827; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #e5e7eb; padding-bottom: 4px; }
.meta { color: #4b5563; font-size: 13px; overflow-wrap: anywhere; }
.summary { position: sticky; top: 0; z-index: 10; margin: 0 0 16px; padding: 10px 16px; border-radius: 0 0 6px 6px; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.12); max-height: 40vh; overflow-y: auto; }
.summary .verdict { font-weight: bold; font-size: 18px; }
.failed-checks { margin-top: 6px; display: flex; flex-wrap: wrap; gap: 6px; }
.check-link { font-size: 13px; padding: 2px 8px; border-radius: 999px; background: #ffffff; text-decoration: none; white-space: nowrap; border: 1px solid currentColor; }
.verdict-pass { background: #dcfce7; color: #166534; }
.verdict-warn { background: #fef9c3; color: #854d0e; }
.verdict-fail { background: #fee2e2; color: #991b1b; }
figure, tr[id] { scroll-margin-top: 120px; }
figure:target { outline: 3px solid #2563eb; outline-offset: 2px; }
tr:target td { background: #eff6ff; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f9fafb; }
.level-error { color: #991b1b; font-weight: bold; }
.level-warn { color: #854d0e; font-weight: bold; }
.table-wrap { overflow-x: auto; }
td.nowrap, td.level { white-space: nowrap; overflow-wrap: normal; }
td.level { min-width: 4.5em; }
.badge { display: inline-block; min-width: 3.2em; text-align: center; padding: 0 6px; border-radius: 4px; font-size: 12px; }
.badge.level-error { background: #fee2e2; }
.badge.level-warn { background: #fef9c3; }
td.check-id { overflow-wrap: normal; word-break: normal; }
table.assertions th { white-space: nowrap; }
/* A narrow screen: each assertion as a card: result, level and id on a line, then actual, budget and the message. */
@media (max-width: 640px) {
  table.assertions thead { display: none; }
  table.assertions tr { display: grid; grid-template-columns: auto auto 1fr; gap: 2px 10px; padding: 6px 8px; border-bottom: 1px solid #e5e7eb; }
  table.assertions td { border: none; padding: 0; min-width: 0; }
  table.assertions td.check-id { font-weight: bold; }
  table.assertions td.actual, table.assertions td.expected, table.assertions td.message { grid-column: 1 / -1; }
  table.assertions td.actual::before { content: 'actual '; color: #6b7280; }
  table.assertions td.expected::before { content: 'budget '; color: #6b7280; }
  table.assertions td.message { color: #374151; }
}
.passed { color: #166534; }
.failed { color: #991b1b; font-weight: bold; }
.issue { margin: 8px 0; padding: 8px 12px; border-left: 4px solid #d97706; background: #fffbeb; overflow-wrap: anywhere; }
.issue.level-error { border-left-color: #dc2626; background: #fef2f2; font-weight: normal; color: inherit; }
.charts figure { margin: 12px 0; }
.charts svg { max-width: 100%; height: auto; border: 1px solid #e5e7eb; }
pre { background: #f3f4f6; padding: 12px; overflow-x: auto; font-size: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
`;
