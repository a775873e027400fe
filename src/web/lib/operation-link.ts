/** Route params of an operation's explorer page: `domains.get` → `/operations/domains/get`. */
export function operationParams(id: string): { group: string; name: string } {
  const dot = id.indexOf(".");
  return { group: id.slice(0, dot), name: id.slice(dot + 1) };
}

export function operationIdFromParams(params: { group: string; name: string }): string {
  return `${params.group}.${params.name}`;
}
