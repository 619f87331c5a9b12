// Readable names for the API's enum values (protobuf JSON gives them as their proto names).

export const FORMS = {
  FORM_DIRECT: { label: "direct", abbr: "D", hint: "verbatim, in quotation marks" },
  FORM_INDIRECT: { label: "indirect", abbr: "I", hint: "reported speech, Konjunktiv I or dass-clause" },
  FORM_REPORTED: { label: "reported", abbr: "R", hint: "summarised: laut, zufolge, nach Angaben" },
  FORM_FREE_INDIRECT: { label: "free indirect", abbr: "FI", hint: "reported without a framing cue" },
  FORM_INDIRECT_FREE_INDIRECT: { label: "indirect, continued", abbr: "IC", hint: "Konjunktiv I continuing a quote" },
};

export function form(name) {
  return FORMS[name] || { label: "unknown form", abbr: "?", hint: "" };
}

export function formClass(name) {
  return `form-${(name || "FORM_UNSPECIFIED").slice(5).toLowerCase().replace(/_/g, "-")}`;
}

const MEDIA = {
  MEDIUM_SPEECH: "speech",
  MEDIUM_WRITING: "writing",
  MEDIUM_THOUGHT: "thought",
  MEDIUM_SPEECH_WRITING: "speech or writing",
  MEDIUM_SPEECH_THOUGHT: "speech or thought",
  MEDIUM_THOUGHT_WRITING: "thought or writing",
};

export function medium(name) {
  return MEDIA[name] || "unknown medium";
}

const TYPES = {
  SPEAKER_TYPE_PERSON: "person",
  SPEAKER_TYPE_ORGANIZATION: "organisation",
  SPEAKER_TYPE_MEDIA: "news outlet",
  SPEAKER_TYPE_GROUP: "group",
};

export function speakerType(name) {
  return TYPES[name] || "";
}

// The display name of a document speaker: its name, or what kind of unnamed holder it is.
export function speakerName(speaker) {
  if (!speaker) return "unresolved";
  if (speaker.canonicalName) return speaker.canonicalName;
  const role = (speaker.roles || [])[0];
  return speaker.anonymous ? `unnamed ${role || "person"}` : role || "unnamed";
}

// An RFC 3339 timestamp as a date (YYYY-MM-DD), or "undated".
export function day(ts) {
  return ts ? ts.slice(0, 10) : "undated";
}
