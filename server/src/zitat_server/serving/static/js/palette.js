// Colours for speakers and outlets: a strong colour for lines and borders and a light tint for
// highlights, chosen so that black text on the tint stays far above WCAG AA contrast (4.5:1)
// and the strong colours stay apart for the common colour-vision deficiencies (Okabe–Ito based).

export const PALETTE = [
  { strong: "#0072b2", tint: "#d4e8f7" },
  { strong: "#c24e00", tint: "#fde0cc" },
  { strong: "#007a5a", tint: "#cdeee2" },
  { strong: "#8e3fa8", tint: "#ecdcf3" },
  { strong: "#a87600", tint: "#f8ebc4" },
  { strong: "#b8467f", tint: "#f6d9e8" },
  { strong: "#5b6b00", tint: "#e6edc5" },
  { strong: "#006d8f", tint: "#cfecf4" },
];

export const UNRESOLVED = { strong: "#616161", tint: "#e8e8e8" };

// The i-th colour; after the palette runs out the colours repeat.
export function colour(i) {
  return PALETTE[i % PALETTE.length];
}
