/** The shared bench's flat form of `count` questions, in loket's format (flat-form.js). */
export function flatForm(count: number): {
  version: 1;
  id: string;
  title: string;
  office: { name: string };
  help: { email: string };
  steps: { heading: string; fields: Record<string, unknown>[] }[];
};
/** How many errors an empty Continue must show. */
export function requiredCount(count: number): number;
