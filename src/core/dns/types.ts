/** The record types whoserves asks for. */
export type QueryType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA' | 'MX' | 'TXT';

/**
 * How one query ended. Every outcome is kept, so a report can say what is
 * missing and why: `ok` may carry no records (the name exists, the type not).
 */
export type DnsStatus = 'ok' | 'nxdomain' | 'servfail' | 'refused' | 'timeout' | 'http-error' | 'malformed' | 'truncated' | 'unreachable';

export interface DnsRecord {
  name: string;
  type: string;
  ttl: number;
  /** Address, target name, mail exchanger, TXT text (strings joined) or SOA primary server. */
  data: string;
}

export interface DnsOutcome {
  name: string;
  type: QueryType;
  status: DnsStatus;
  answers: DnsRecord[];
  /** Seconds the outcome may be cached: the smallest answer TTL, or the zone's negative TTL. */
  ttl: number;
  /** Plain words for a failure: which HTTP status, what was malformed. */
  error?: string;
  /** For `http-error`: the status the resolver answered with. */
  httpStatus?: number;
  /** For `timeout`: the deadline that passed. */
  timeoutMs?: number;
}
