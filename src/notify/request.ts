// An outbound chat request as plain data: the consumer fetches it, builders only describe it.
export type DeliveryRequest = {
  url: string;
  init: { method: 'POST' | 'PATCH'; headers: Record<string, string>; body: string };
};

export function jsonRequest(url: string, payload: unknown, headers: Record<string, string> = {}): DeliveryRequest {
  return { url, init: { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) } };
}
