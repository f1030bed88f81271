// The policy module: grouping rules, lawful basis and evidence, guardrails and quarantine. Pure: no Node
// built-ins, no I/O, no clock (callers pass `now`).
export type { ContactFacts } from './contact-facts.js';
export * from './group-rules.js';
export * from './lawful-basis.js';
export * from './guardrails.js';
export * from './lia.js';
export { type Art14Notice } from './art14.js';
export { consentIsOnlyLinkedInConnection, isPlaceholderAnswer, LIA_MIN_ANSWER_LENGTH } from './evidence-heuristics.js';
export * from './quarantine.js';
export * from './subscriber-type.js';
export * from './pecr-channels.js';
export type { AssignedPolicy, Group } from './group.js';
export { ART9_NOT_FOR_MARKETING, art9Name, art9UnfitForPurpose, CRIMINAL, uncoveredCategories } from './special-category.js';
