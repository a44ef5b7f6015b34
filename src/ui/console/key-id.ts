/** A reader key id as people compare it aloud: groups of four characters. */
export function displayKeyId(kid: string): string {
  return (kid.match(/.{1,4}/g) ?? []).join(' ');
}
