/**
 * Block Kit builders: pure functions from data to Slack messages, within Slack's limits. The Slack
 * listeners import from here.
 */
export {
  ACTION,
  type ActionId,
  type ActionName,
  actionPattern,
  type DetailsTarget,
  decodeCursorValue,
  decodeDetailsValue,
  decodePageValue,
  decodeQueryValue,
  decodeResourceValue,
  decodeStalePageValue,
  encodeCursorValue,
  encodeDetailsValue,
  encodePageValue,
  encodeQueryValue,
  encodeResourceValue,
  encodeStalePageValue,
  hasResourceValue,
  hasStalePageValue,
  indexedActionId,
  MAX_RESOURCE_ARN,
  type PageTarget,
  type StalePageTarget,
} from './actions.js';
export { type ChangeNotice, confirmCommandMessage, confirmDialog } from './confirm.js';
export { type CoverageTableInput, coverageTable, MAX_COVERAGE_ROWS } from './coverage-table.js';
export { type EmptyResultInput, emptyResult } from './empty-result.js';
export {
  type CursorExpiredInput,
  cursorExpiredMessage,
  type ErrorMessageInput,
  errorMessage,
  notAllowedMessage,
} from './error-messages.js';
export { type HelpExample, type HelpOptions, type HelpTopic, helpMessage } from './help.js';
export { consoleUrl, type JobDetailsOptions, jobDetails } from './job-details.js';
export { type JobCandidatesInput, jobCandidates } from './job-details-candidates.js';
export type { BlockMessage, ResponseOptions } from './kit.js';
export { type ListPageInput, listPage } from './list-page.js';
export { sharedListNote } from './list-parts.js';
export {
  type CsvDoneInput,
  type CsvProgressInput,
  csvDoneMessage,
  csvProgressMessage,
  privateFileNotice,
  workingMessage,
} from './progress.js';
export { editQueryModal, MAX_PRIVATE_METADATA, QUERY_MODAL } from './query-modal.js';
export { MAX_CHOICES, type ResourceChoicesInput, resourceChoices } from './resource-choices.js';
export { type ResourceStoryInput, resourceStory } from './resource-story.js';
export { type StaleNoneInput, staleNone } from './stale-none.js';
export { type StalePageInput, stalePage } from './stale-page.js';
export {
  type SummaryLook,
  type SummaryMessage,
  type SummaryOptions,
  summaryMessage,
  summaryMessages,
} from './summary-message.js';
