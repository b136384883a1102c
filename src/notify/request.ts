export type DeliveryRequest = {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
};

export function jsonRequest(url: string, payload: unknown, headers: Record<string, string> = {}): DeliveryRequest {
  return { url, init: { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) } };
}
