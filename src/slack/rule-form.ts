import type { RuleInput } from '../alerts/rule-input.js';
import { RULE_FORM_FIELDS, RULE_MODAL, type RuleFormField, ruleBlockId } from '../blocks/rule-modal.js';

/** One input's state in a view_submission, as Slack shapes it per element type (the fields read). */
interface ElementState {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  selected_conversation?: string | null;
}

type StateValues = Record<string, Record<string, ElementState> | undefined>;

const LISTS = new Set<RuleFormField>(['accounts', 'regions', 'resourceTypes', 'vaults', 'states']);

function split(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function enteredValue(field: RuleFormField, state: ElementState): unknown {
  if (state.selected_options !== undefined) {
    const chosen = state.selected_options.map((o) => o.value ?? '').filter(Boolean);
    if (field === 'copies') return chosen.includes('true');
    return chosen.length > 0 ? chosen : undefined;
  }
  if (state.selected_option !== undefined) return state.selected_option?.value ?? undefined;
  if (state.selected_conversation !== undefined) return state.selected_conversation ?? undefined;
  const raw = state.value?.trim() ?? '';
  if (raw === '') return undefined;
  if (field === 'threshold') return /^\d+$/.test(raw) ? Number(raw) : raw;
  return LISTS.has(field) ? split(raw) : raw;
}

/**
 * What a person entered in the rule modal, as a rules-file rule would hold it: empty fields left
 * out (so the kind's defaults apply), lists split on commas, the name kept from the rule edited.
 */
export function ruleInputOf(values: StateValues, fixedName?: string): RuleInput {
  const input: RuleInput = {};
  for (const field of RULE_FORM_FIELDS) {
    const state = values[ruleBlockId(field)]?.[RULE_MODAL.action];
    if (!state) continue;
    const value = enteredValue(field, state);
    if (value !== undefined && !(field === 'copies' && value === false)) input[field] = value;
  }
  if (fixedName !== undefined) input.name = fixedName;
  return input;
}

/** Field errors as Slack shows them: under each input, keyed by its block_id; others under the kind. */
export function formErrors(
  errors: Partial<Record<string, string>>,
  shown: ReadonlySet<string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (!message) continue;
    const known = (RULE_FORM_FIELDS as readonly string[]).includes(field) && shown.has(field);
    const block = known ? ruleBlockId(field as RuleFormField) : ruleBlockId('kind');
    out[block] = out[block] ? `${out[block]} ${message}` : message.slice(0, 300);
  }
  return out;
}
