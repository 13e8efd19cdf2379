/**
 * `espace support chat`: a live conversation in the terminal. A customer starts one and waits for
 * an agent; an agent (`--queue`) picks up the customer who has waited longest. Lines read from
 * stdin are sent (a pipe works too), the other side's lines are printed on stdout, `/quit` ends.
 * On a terminal, the line being typed is labelled ("You:") and redrawn below each line that
 * arrives, so that nothing lands inside it; Ctrl-C ends the chat (exit 130).
 * When no agent answers within `--wait`, the customer is offered to leave a ticket. Either way,
 * the server saves the transcript to a ticket, whose id both sides are told.
 */
import { clearScreenDown, createInterface, cursorTo, moveCursor } from 'node:readline';
import {
  type ChatEvent,
  type Conversation,
  closeConversation,
  conversationEvents,
  joinConversation,
  sendMessage,
  startConversation,
  waitingConversations,
} from '../../../api/chat.js';
import { ApiError } from '../../../api/errors.js';
import type { HttpClient } from '../../../api/http.js';
import { CancelledError, GeneralError, UsageError } from '../../../errors.js';
import { sanitizeCell } from '../../../output/sanitize.js';
import { USER_AGENT } from '../../../version.js';
import { InputTooLargeError, lineLengthLimit } from '../../bounded-read.js';
import type { CommandDeps } from '../../command-deps.js';

/** The longest line typed or piped as one message: far above what a chat message holds (a few thousand characters). */
export const MAX_CHAT_LINE_BYTES = 16 * 1024;

export interface SupportChatOptions {
  /** Agents: pick up a waiting customer. */
  queue: boolean;
  /** How long to wait for the other side, in milliseconds. */
  waitMs: number;
  subject?: string;
  account?: string;
  /** The transcript ticket's type (customers). */
  type: string;
  /** When no agent answers and there is no terminal to ask: leave a ticket (true) or not. */
  leaveTicket: boolean;
  /** Agents: this conversation rather than the oldest waiting one. */
  conversation?: string;
}

export const QUIT = '/quit';
const QUEUE_POLL_MS = 1000;

export async function run(options: SupportChatOptions, ctx: CommandDeps): Promise<void> {
  const api = await ctx.api();
  const conversation = options.queue ? await pickUp(api, options, ctx) : await startConversation(api, options.subject, options.account);
  const role = options.queue ? 'agent' : 'customer';
  const { t, io } = ctx;
  if (role === 'customer') io.err(`${t('chat.waiting', { seconds: Math.round(options.waitMs / 1000), quit: QUIT })}\n`);
  else
    io.err(
      `${t('chat.connected', { customer: sanitizeCell(conversation.customer?.name ?? '—'), subject: sanitizeCell(conversation.subject ?? ''), quit: QUIT })}\n`,
    );
  await new ChatLoop(ctx, api, conversation, role, options).run();
}

/** The conversation an agent takes: the one named, or the oldest waiting (another agent may be faster). */
async function pickUp(api: HttpClient, options: SupportChatOptions, ctx: CommandDeps): Promise<Conversation> {
  if (options.conversation) return joinConversation(api, options.conversation);
  const deadline = Date.now() + options.waitMs;
  let announced = false;
  for (;;) {
    // A customer who left without ending the chat is not worth an agent's time.
    for (const waiting of (await waitingConversations(api)).filter((c) => c.customerConnected !== false)) {
      try {
        return await joinConversation(api, waiting.id);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 409)) throw error;
      }
    }
    if (Date.now() >= deadline) throw new GeneralError('chat.noCustomer', { params: { seconds: Math.round(options.waitMs / 1000) } });
    if (!announced) ctx.io.err(`${ctx.t('chat.queueEmpty')}\n`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(QUEUE_POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}

/** One side of a conversation: reads stdin, prints the other side, and ends cleanly. */
class ChatLoop {
  readonly #ctx: CommandDeps;
  readonly #api: HttpClient;
  readonly #conversation: Conversation;
  readonly #role: 'customer' | 'agent';
  readonly #options: SupportChatOptions;
  readonly #abort = new AbortController();
  #joined: boolean;
  #ending = false;
  /** The chat is over: nothing more is sent. */
  #over = false;
  /** Sends go one after the other, so that lines arrive in the order typed. */
  #sending: Promise<void> = Promise.resolve();
  #finish!: (error?: unknown) => void;
  #timer: NodeJS.Timeout | undefined;
  #input: ReturnType<typeof createInterface> | undefined;
  /** On a terminal: the input line is edited by readline, labelled, and redrawn around what arrives. */
  #terminal = false;
  /** The input line was put away by the chat itself (its end, the ticket question), not by Ctrl-D. */
  #typingStopped = false;
  /** Ended by Ctrl-C: the command reports a cancel once the chat is closed. */
  #interrupted = false;

  constructor(ctx: CommandDeps, api: HttpClient, conversation: Conversation, role: 'customer' | 'agent', options: SupportChatOptions) {
    this.#ctx = ctx;
    this.#api = api;
    this.#conversation = conversation;
    this.#role = role;
    this.#options = options;
    this.#joined = role === 'agent';
  }

  async run(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      this.#finish = (error) => {
        this.#over = true;
        if (error) reject(error);
        else resolve();
      };
    });
    if (this.#role === 'customer') {
      this.#timer = setTimeout(() => void this.#noAgent().catch((error) => this.#finish(error)), this.#options.waitMs);
    }
    void this.#readEvents().catch((error) => this.#finish(error));
    this.#readInput();
    try {
      await done;
    } finally {
      clearTimeout(this.#timer);
      this.#input?.close();
      this.#abort.abort();
    }
  }

  async #readEvents(): Promise<void> {
    const session = await this.#ctx.session();
    const events = conversationEvents(this.#conversation.id, {
      baseUrl: this.#ctx.target().apiUrl,
      tokens: session,
      userAgent: USER_AGENT,
      signal: this.#abort.signal,
    });
    for await (const event of events) this.#show(event);
    // The stream ends after the closed event; ending before it means the server went away.
    if (!this.#over && !this.#ending) throw new GeneralError('chat.streamFailed', { params: { reason: 'the server ended the stream' } });
  }

  #show(event: ChatEvent): void {
    const { io, t } = this.#ctx;
    if (event.type === 'message' && event.author.role !== this.#role) {
      this.#print('out', `${io.color.bold(t('chat.label', { name: sanitizeCell(event.author.name) }))} ${sanitizeCell(event.text ?? '')}\n`);
    } else if (event.type === 'joined' && this.#role === 'customer') {
      this.#joined = true;
      clearTimeout(this.#timer);
      this.#print('err', `${t('chat.joined', { agent: sanitizeCell(event.author.name) })}\n`);
    } else if (event.type === 'closed' && !this.#ending) {
      // When this side ended the chat, #end reports it once the server has answered.
      this.#stopTyping();
      io.err(`${t('chat.endedBy', { name: sanitizeCell(event.author.name) })}\n`);
      this.#saved(event.ticket?.id);
      this.#finish();
    }
  }

  /**
   * Prints a line that arrived. On a terminal, the line being typed is cleared first (all the
   * rows it wraps onto) and drawn again below, with what was typed so far, so that the two never mix.
   */
  #print(stream: 'out' | 'err', text: string): void {
    const { io } = this.#ctx;
    const input = this.#input;
    if (!this.#terminal || !input || this.#over || this.#typingStopped) {
      io[stream](text);
      return;
    }
    this.#clearTyping(input);
    io[stream](text);
    input.prompt(true);
  }

  #clearTyping(input: ReturnType<typeof createInterface>): void {
    const stderr = this.#ctx.io.stderr;
    moveCursor(stderr, 0, -input.getCursorPos().rows);
    cursorTo(stderr, 0);
    clearScreenDown(stderr);
  }

  /** The chat is ending: the input line goes away, so that no label is left under the last lines. */
  #stopTyping(): void {
    if (!this.#terminal || !this.#input || this.#typingStopped) return;
    this.#typingStopped = true;
    this.#clearTyping(this.#input);
    this.#input.close();
  }

  #readInput(): void {
    const stdin = this.#ctx.io.stdin as NodeJS.ReadStream;
    if (this.#ctx.io.interactive && stdin.isTTY === true) return this.#readTerminal(stdin);
    // readline keeps a line until its end, however long: the limit refuses one past the bound first.
    const limited = stdin.pipe(lineLengthLimit(MAX_CHAT_LINE_BYTES));
    limited.on('error', (error) => {
      stdin.unpipe(limited);
      this.#finish(
        error instanceof InputTooLargeError ? new UsageError('chat.lineTooLong', { params: { line: error.line ?? 0, max: MAX_CHAT_LINE_BYTES } }) : error,
      );
    });
    this.#input = createInterface({ input: limited, terminal: false });
    // readline repeats its input's errors; the one above has said what to do.
    this.#input.on('error', () => {});
    this.#input.on('line', (line) => {
      const text = line.trim();
      if (text === '' || this.#ending) return;
      if (text === QUIT) return this.#quit();
      this.#send(text);
    });
    // End of input ends an agent's chat. A customer keeps listening (a piped question deserves its
    // answer) until the agent ends the chat or, before one joins, the wait runs out.
    this.#input.on('close', () => {
      // Whoever reads stdin next (the ticket question) gets it whole.
      stdin.unpipe(limited);
      if (this.#role === 'agent') this.#quit();
    });
  }

  #send(text: string): void {
    this.#sending = this.#sending.then(() => sendMessage(this.#api, this.#conversation.id, text)).catch((error) => this.#finish(error));
  }

  /**
   * A person at a terminal: readline edits the line, labelled with who speaks ("You:"), and keeps
   * it under what arrives. Enter sends; /quit or Ctrl-C end the chat.
   */
  #readTerminal(stdin: NodeJS.ReadStream): void {
    const { io, t } = this.#ctx;
    const input = createInterface({ input: stdin, output: io.stderr, terminal: true, prompt: `${io.errColor.bold(t('chat.you'))} ` });
    this.#input = input;
    this.#terminal = true;
    input.on('line', (line) => {
      const text = line.trim();
      if (this.#ending || this.#over) return;
      if (text === QUIT) return this.#quit();
      if (Buffer.byteLength(text) > MAX_CHAT_LINE_BYTES) {
        io.err(`${t('chat.typedLineTooLong', { max: MAX_CHAT_LINE_BYTES })}\n`);
      } else if (text !== '') this.#send(text);
      input.prompt();
    });
    input.on('SIGINT', () => {
      this.#interrupted = true;
      this.#quit();
    });
    // Ctrl-D (end of input) is read as in a pipe: it ends an agent's chat; a customer keeps listening.
    input.on('close', () => {
      if (!this.#typingStopped && this.#role === 'agent') this.#quit();
    });
    input.prompt();
  }

  #quit(): void {
    if (this.#ending || this.#over) return;
    void this.#end({ ticketType: this.#options.type }).catch((error) => this.#finish(error));
  }

  /** No agent within the wait: offer a ticket (asked on a terminal, else --no-ticket decides), then end. */
  async #noAgent(): Promise<void> {
    if (this.#joined || this.#ending || this.#over) return;
    const { io, t } = this.#ctx;
    const seconds = Math.round(this.#options.waitMs / 1000);
    this.#stopTyping();
    io.err(`${t('chat.noAgent', { seconds })}\n`);
    let leaveTicket = this.#options.leaveTicket;
    if (io.interactive) {
      this.#input?.close();
      leaveTicket = await this.#ctx.prompt.confirm({ message: t('chat.offerTicket'), flag: '--no-ticket', default: true });
    }
    await this.#end({ leaveTicket, ticketType: this.#options.type });
  }

  async #end(request: { leaveTicket?: boolean; ticketType?: string }): Promise<void> {
    this.#ending = true;
    clearTimeout(this.#timer);
    await this.#sending;
    this.#stopTyping();
    const closed = await closeConversation(this.#api, this.#conversation.id, this.#role === 'customer' ? request : {});
    this.#ctx.io.err(`${this.#ctx.t('chat.ended')}\n`);
    const declined = request.leaveTicket === false && !this.#joined;
    this.#saved(closed.ticket?.id, declined);
    if (declined && !closed.ticket) this.#ctx.io.err(`${this.#ctx.t('chat.noTicket')}\n`);
    this.#finish(this.#interrupted ? new CancelledError() : undefined);
  }

  #saved(ticketId: string | undefined, declined = false): void {
    if (!ticketId) return;
    const { io, t } = this.#ctx;
    io.err(`${t(declined ? 'chat.transcriptOnly' : 'chat.transcriptSaved', { id: sanitizeCell(ticketId) })}\n`);
  }
}
