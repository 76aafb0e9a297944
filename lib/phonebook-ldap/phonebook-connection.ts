import "server-only";
import type { Socket } from "node:net";
import { TLSSocket, type SecureContext } from "node:tls";
import type { Logger } from "pino";
import { MalformedMessage } from "./ber/ber-node";
import { MessageFrames } from "./ber/message-frames";
import { bindPhones, type BoundCustomer } from "./bound-customer";
import { handleSearch } from "./handle-search";
import type { PageCookies } from "./page-cookie";
import type { LdapRequest } from "./protocol/ldap-request";
import { readRequest } from "./protocol/read-request";
import { ResponseTag, ResultCode } from "./protocol/result-codes";
import { extendedMessage, resultMessage } from "./protocol/write-response";
import { noticeOfDisconnectionOid, startTlsOid } from "./root-dse";

export type ConnectionLimits = {
  maxMessageBytes: number;
  idleTimeoutMs: number;
  serverSizeLimit: number;
  requestsPerMinute: number;
  /** How often an open connection's credential is proven again in the database. */
  credentialRecheckMs: number;
};

export type ConnectionOptions = ConnectionLimits & {
  secureContext: SecureContext;
  cookies: PageCookies;
  logger: Logger;
};

/**
 * One client's connection. Requests are answered one at a time, in order
 * (a phone sends one search and waits); Abandon and Unbind act at once.
 * Malformed BER, an unknown operation or a message over the size limit
 * ends the connection with a Notice of Disconnection; an error in a
 * handler is answered `other` and logged, and never reaches the process.
 */
export class PhonebookConnection {
  private socket: Socket;
  private frames: MessageFrames;
  private customer: BoundCustomer | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly abandoned = new Set<number>();
  private closed = false;
  private upgrading = false;

  constructor(
    socket: Socket,
    private tls: boolean,
    private readonly options: ConnectionOptions,
  ) {
    this.socket = socket;
    this.frames = new MessageFrames(options.maxMessageBytes);
    this.listen(socket);
  }

  private readonly onData = (chunk: Buffer) => {
    if (this.closed) return;
    try {
      for (const frame of this.frames.push(chunk)) {
        // After StartTLS nothing may follow in clear text: the next bytes are the TLS handshake.
        if (this.upgrading) throw new MalformedMessage("data after StartTLS");
        this.accept(readRequest(frame));
      }
    } catch (error) {
      this.disconnect(error);
    }
  };

  private listen(socket: Socket) {
    // An answer is written as one burst (see answer()); Nagle's wait for an ACK would hold its last part back ~40 ms.
    socket.setNoDelay(true);
    socket.on("data", this.onData);
    socket.on("error", (error) => {
      this.options.logger.debug({ err: { name: error.name, message: error.message } }, "phonebook connection error");
      this.close();
    });
    socket.on("close", () => (this.closed = true));
    socket.setTimeout(this.options.idleTimeoutMs, () => this.close());
  }

  private accept(request: LdapRequest) {
    if (request.op === "abandon") return void this.abandoned.add(request.targetId);
    if (request.op === "unbind") return this.close();
    if (request.op === "extended" && request.oid === startTlsOid && !this.tls) this.upgrading = true;
    this.queue = this.queue.then(() => this.answer(request));
  }

  private async answer(request: LdapRequest): Promise<void> {
    if (this.closed) return;
    // Entries and the result go out together, in as few TLS records and packets as the socket allows.
    const socket = this.socket;
    socket.cork();
    try {
      switch (request.op) {
        case "bind":
          return await this.bind(request);
        case "search":
          return await handleSearch(request, {
            customer: this.customer,
            serverSizeLimit: this.options.serverSizeLimit,
            requestsPerMinute: this.options.requestsPerMinute,
            credentialRecheckMs: this.options.credentialRecheckMs,
            cookies: this.options.cookies,
            send: (message) => this.send(message),
            isAbandoned: () => this.abandoned.has(request.messageId) || this.closed,
            unbind: () => (this.customer = null),
          });
        case "extended":
          return this.extended(request);
        case "refused":
          return this.send(resultMessage(request.messageId, request.responseTag, ResultCode.unwillingToPerform, "The phonebook is read-only."));
      }
    } catch (error) {
      if (error instanceof MalformedMessage) return this.disconnect(error);
      this.options.logger.error({ err: error, op: request.op }, "phonebook request failed");
      const tag = request.op === "bind" ? ResponseTag.bind : request.op === "search" ? ResponseTag.searchDone : ResponseTag.extended;
      this.send(resultMessage(request.messageId, tag, ResultCode.other, "The request could not be answered."));
    } finally {
      this.abandoned.delete(request.messageId);
      socket.uncork();
    }
  }

  private async bind(request: Extract<LdapRequest, { op: "bind" }>) {
    const reply = (code: (typeof ResultCode)[keyof typeof ResultCode], diagnostic = "") =>
      this.send(resultMessage(request.messageId, ResponseTag.bind, code, diagnostic));
    // A bind, right or wrong, first makes the connection anonymous (RFC 4511 §4.2.1).
    this.customer = null;
    if (request.version !== 3) return reply(ResultCode.protocolError, "Only LDAPv3 is supported.");
    if (request.password === null) return reply(ResultCode.authMethodNotSupported, "Only simple binds are supported.");
    if (request.name === "" && request.password === "") return reply(ResultCode.success);
    if (!this.tls) return reply(ResultCode.confidentialityRequired, "Use StartTLS (or LDAPS) before binding.");
    if (request.password === "") return reply(ResultCode.unwillingToPerform, "Unauthenticated binds are not allowed.");
    const outcome = await bindPhones(request.name, request.password, this.options.requestsPerMinute);
    const peer = this.socket.remoteAddress;
    if (!outcome.ok) {
      this.options.logger.info({ dn: request.name.slice(0, 200), peer, reason: outcome.reason }, "phonebook bind refused");
      return outcome.reason === "overLimit" ? reply(ResultCode.busy, "Too many requests; try again in a minute.") : reply(ResultCode.invalidCredentials);
    }
    this.customer = outcome.customer;
    this.options.logger.debug({ customerId: outcome.customer.customerId, peer }, "phonebook bind");
    return reply(ResultCode.success);
  }

  private extended(request: Extract<LdapRequest, { op: "extended" }>) {
    const reply = (code: (typeof ResultCode)[keyof typeof ResultCode], diagnostic: string) => this.send(extendedMessage(request.messageId, code, diagnostic));
    if (request.oid !== startTlsOid) return reply(ResultCode.protocolError, "Unsupported extended operation.");
    if (this.tls) return reply(ResultCode.operationsError, "TLS is already in use.");
    this.send(extendedMessage(request.messageId, ResultCode.success, "", startTlsOid));
    this.startTls();
  }

  /** RFC 4511 §4.14: the handshake starts right after the StartTLS response; from then on everything goes through TLS. */
  private startTls() {
    const plain = this.socket;
    plain.removeListener("data", this.onData);
    plain.setTimeout(0);
    const secure = new TLSSocket(plain, { isServer: true, secureContext: this.options.secureContext });
    this.socket = secure;
    this.tls = true;
    this.upgrading = false;
    this.listen(secure);
  }

  private send(message: Buffer) {
    if (!this.closed) this.socket.write(message);
  }

  private disconnect(error: unknown) {
    if (this.closed) return;
    this.options.logger.info(
      { peer: this.socket.remoteAddress, reason: error instanceof Error ? error.message : "unknown" },
      "phonebook client disconnected: malformed request",
    );
    this.socket.end(extendedMessage(0, ResultCode.protocolError, "Malformed request.", noticeOfDisconnectionOid));
    this.close();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    const socket = this.socket;
    // end() lets what was written go out; a client that reads nothing is cut off soon after.
    socket.end();
    setTimeout(() => socket.destroy(), 2000).unref();
  }
}
