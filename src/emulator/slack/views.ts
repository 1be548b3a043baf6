import { randomBytes, randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { StoredView, ViewEmitter, ViewEvents, ViewStateValues } from './types.js';
import type { ViewFields } from './view-json.js';

/** "A modal can hold up to three views at a time in its view stack" (modals docs). */
export const MAX_VIEW_STACK = 3;

/** Slack's view ids: `V` and ten upper-case letters or digits. */
function newViewId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return `V${Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

/** Only what is still on screen keeps what the user entered: same block_id and action_id. */
function keptState(state: ViewStateValues, fields: ViewFields): ViewStateValues {
  const kept: ViewStateValues = {};
  for (const block of fields.blocks) {
    const entered = state[String(block.block_id)];
    if (entered) kept[String(block.block_id)] = entered;
  }
  return kept;
}

/** Every user's modal stack (bottom first) and Home tab, with an event for each change. */
export class ViewStore {
  readonly events: ViewEmitter = new EventEmitter<ViewEvents>();
  readonly #views = new Map<string, StoredView>();
  readonly #stacks = new Map<string, string[]>();
  readonly #homes = new Map<string, string>();
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
    this.events.setMaxListeners(0);
  }

  /** A live view (an open modal or a Home tab). */
  get(id: string): StoredView | undefined {
    const view = this.#views.get(id);
    return view && structuredClone(view);
  }

  /** The live view with this external_id (Slack keeps them unique among a team's views). */
  byExternalId(externalId: string): StoredView | undefined {
    const view = [...this.#views.values()].find((v) => v.externalId !== '' && v.externalId === externalId);
    return view && structuredClone(view);
  }

  stack(user: string): StoredView[] {
    return (this.#stacks.get(user) ?? []).map((id) => structuredClone(this.#live(id)));
  }

  home(user: string): StoredView | undefined {
    const id = this.#homes.get(user);
    return id === undefined ? undefined : this.get(id);
  }

  /**
   * A new modal as the root of the user's stack. Slack shows one modal at a time and does not document
   * views.open over an open one: the stand-in replaces the stack (without view_closed).
   */
  open(user: string, fields: ViewFields): StoredView {
    this.clear(user);
    const view = this.#create(user, fields, undefined);
    this.#stacks.set(user, [view.id]);
    return this.#emit(view);
  }

  /** A view on top of the user's stack; undefined when the stack is already full. */
  push(user: string, fields: ViewFields): StoredView | undefined {
    const stack = this.#stacks.get(user) ?? [];
    if (stack.length >= MAX_VIEW_STACK) return undefined;
    const view = this.#create(user, fields, this.#views.get(stack.at(-1) ?? ''));
    this.#stacks.set(user, [...stack, view.id]);
    return this.#emit(view);
  }

  /** The user's Home tab: created on first publish, replaced (same id, new hash) after. */
  publish(user: string, fields: ViewFields): StoredView {
    const id = this.#homes.get(user);
    if (id !== undefined) return this.replace(id, fields);
    const view = this.#create(user, fields, undefined);
    this.#homes.set(user, view.id);
    return this.#emit(view);
  }

  /** New content for a live view: same id, a new hash, errors cleared, matching entries kept. */
  replace(id: string, fields: ViewFields): StoredView {
    const view = this.#live(id);
    Object.assign(view, fields, { hash: this.#newHash(), state: keptState(view.state, fields), errors: {} });
    return this.#emit(view);
  }

  setState(id: string, state: ViewStateValues) {
    this.#live(id).state = structuredClone(state);
  }

  setErrors(id: string, errors: Record<string, string>): StoredView {
    const view = this.#live(id);
    view.errors = { ...errors };
    return this.#emit(view);
  }

  /** Closes the top view of the user's stack; the one below it shows again. */
  pop(user: string): StoredView[] {
    const stack = this.#stacks.get(user) ?? [];
    const top = stack.pop();
    if (stack.length === 0) this.#stacks.delete(user);
    return top === undefined ? [] : [this.#close(top)];
  }

  /** Closes every view of the user's stack, top first. */
  clear(user: string): StoredView[] {
    const stack = this.#stacks.get(user) ?? [];
    this.#stacks.delete(user);
    return stack.reverse().map((id) => this.#close(id));
  }

  /** Resolves with the first live view (or later change) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (v: StoredView) => boolean, timeoutMs: number): Promise<StoredView> {
    for (const v of this.#views.values()) {
      if (predicate(structuredClone(v))) return Promise.resolve(structuredClone(v));
    }
    return new Promise((resolve, reject) => {
      const onView = (v: StoredView) => {
        if (!predicate(v)) return;
        cleanup();
        resolve(v);
      };
      const timer = setTimeout(() => {
        cleanup();
        const live = [...this.#views.values()].map((v) => `${v.id} ${v.type} ${v.callbackId} (${v.user})`);
        reject(new Error(`no matching view within ${timeoutMs} ms; live: ${JSON.stringify(live)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('view', onView);
      };
      this.events.on('view', onView);
    });
  }

  /** Slack's hash shape: `<seconds>.<hex>`, e.g. `156772938.1827394`. */
  #newHash(): string {
    return `${Math.floor(this.#now().getTime() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  #create(user: string, fields: ViewFields, below: StoredView | undefined): StoredView {
    const id = newViewId();
    const view: StoredView = {
      ...structuredClone(fields),
      id,
      user,
      hash: this.#newHash(),
      rootViewId: below?.rootViewId ?? id,
      previousViewId: below?.id,
      state: {},
      errors: {},
      open: true,
    };
    this.#views.set(id, view);
    return view;
  }

  #close(id: string): StoredView {
    const view = this.#live(id);
    this.#views.delete(id);
    view.open = false;
    return this.#emit(view);
  }

  #emit(view: StoredView): StoredView {
    this.events.emit('view', structuredClone(view));
    return structuredClone(view);
  }

  #live(id: string): StoredView {
    const view = this.#views.get(id);
    if (!view) throw new Error(`view ${id} is not open`);
    return view;
  }
}
