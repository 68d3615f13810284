/** The guest languages `bindings` writes (a file of its own: the options table needs only the list). */
export const GUEST_LANGUAGES = ['c', 'rust', 'assemblyscript', 'wat'] as const;
export type GuestLanguage = (typeof GUEST_LANGUAGES)[number];
