/**
 * One handler per request of the IPC contract, its params and result types inferred from the
 * contract's schemas (electron/ipc/ipc-contract.ts). Each service of the app answers its own
 * group of requests (`Pick<RequestHandlers, …>`); the root (roller-app.ts) puts them into one
 * table, and the compiler checks that every request has exactly one handler.
 */
import type { RequestName, RequestParams, RequestResult } from '../ipc/ipc-contract';

export type RequestHandler<N extends RequestName> = (params: RequestParams<N>) => Promise<RequestResult<N>> | RequestResult<N>;

export type RequestHandlers = { [N in RequestName]: RequestHandler<N> };
