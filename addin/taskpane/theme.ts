/** Outlook has no isDarkTheme: read the body background's luminance instead (as Microsoft advises). */
export function isDarkOfficeTheme(theme: { bodyBackgroundColor?: string } | undefined): boolean {
  const match = /^#?([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(theme?.bodyBackgroundColor ?? "");
  if (!match) return false;
  const [red, green, blue] = [match[1], match[2], match[3]].map((part) => parseInt(part ?? "ff", 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5;
}
