// The protocol side of the browser client: one WebSocket to /chorus/chat that survives the loss of its node.
// It reconnects with exponential backoff and jitter, resumes with its token, re-joins every room with `since`,
// re-sends every send that has no ack yet, and hands each room's messages on once, in seq order.
// It also notices a server that went silent (a frozen node, a connection that died without a FIN): the browser answers
// the server's pings by itself but never shows them, so after a heartbeat interval without a frame the client asks
// with a `ping` frame, and a server that has not answered within the heartbeat timeout is given up and reconnected to.

const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 8000;
// The server's heartbeat until its welcome says otherwise (chorus.ping-interval-ms, chorus.pong-timeout-ms).
const HEARTBEAT = { interval: 25000, timeout: 10000 };
const WATCH_MS = 1000;

export class Connection extends EventTarget {
  constructor(url = new URL('chat', document.baseURI)) {
    super();
    this.url = url;
    this.token = null;
    this.rooms = new Map(); // room -> last seq handed on
    this.unacked = new Map(); // client id -> send frame
    this.attempt = 0;
    this.state = 'connecting';
    this.node = null;
    this.stopped = false;
    this.heartbeat = HEARTBEAT;
    this.heard = 0; // when the current socket last brought a frame (or was opened)
    this.asked = false; // whether a ping frame awaits its pong on the current socket
    this.welcomed = false;
    this.watching = null;
  }

  start() {
    this.stopped = false;
    this.watching = setInterval(() => this.watch(), WATCH_MS);
    this.open();
  }

  stop() {
    this.stopped = true;
    clearInterval(this.watching);
    if (this.socket) this.socket.close(1000, 'bye');
  }

  open() {
    const url = new URL(this.url);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.token) url.searchParams.set('resume', this.token);
    const socket = new WebSocket(url);
    this.socket = socket;
    this.heard = Date.now();
    this.asked = false;
    this.welcomed = false;
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.heard = Date.now();
      this.asked = false;
      this.receive(JSON.parse(event.data));
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.setState('reconnecting');
      if (event.code === 1008) {
        this.emit('ended', { reason: event.reason });
        return;
      }
      if (!this.stopped) this.retry();
    };
  }

  /** Once a second: ask a quiet server whether it is there, and give up on one that stays silent. */
  watch() {
    const socket = this.socket;
    if (!socket || this.stopped || socket.readyState > WebSocket.OPEN) return;
    const silent = Date.now() - this.heard;
    const { interval, timeout } = this.heartbeat;
    if (silent > (this.welcomed ? interval + timeout : timeout)) {
      this.abandon(socket, silent);
    } else if (this.welcomed && silent > interval && !this.asked) {
      this.asked = this.send({ type: 'ping' });
    }
  }

  /** Leaves a socket that went silent without waiting for TCP to notice, and reconnects (resuming) at once. */
  abandon(socket, silent) {
    this.socket = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.close(4000, 'silent for ' + silent + ' ms');
    this.emit('silent', { node: this.node, ms: silent });
    this.setState('reconnecting');
    this.retry();
  }

  retry() {
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    const delay = ceiling / 2 + Math.random() * ceiling / 2; // "equal jitter": spread out, never zero
    this.attempt += 1;
    setTimeout(() => this.open(), delay);
  }

  setState(state) {
    this.state = state;
    this.emit('state', { state, node: this.node });
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  send(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  join(room) {
    if (!this.rooms.has(room)) this.rooms.set(room, null);
    const frame = { type: 'join', room };
    const since = this.rooms.get(room);
    if (since !== null) frame.since = since;
    this.send(frame);
  }

  leave(room) {
    this.rooms.delete(room);
    this.send({ type: 'leave', room });
  }

  /** Sends a message to a room; returns its client id. */
  say(room, text) {
    return this.queue({ type: 'send', room, id: newId(), text });
  }

  /** Sends a direct message; returns its client id. */
  direct(to, text) {
    return this.queue({ type: 'direct', to, id: newId(), text });
  }

  queue(frame) {
    this.unacked.set(frame.id, frame);
    this.send(frame); // if the socket is down, the resume re-sends it
    return frame.id;
  }

  receive(frame) {
    switch (frame.type) {
      case 'welcome':
        this.welcome(frame);
        break;
      case 'joined':
        // A first join takes the whole replay (seqs only grow); a re-join continues after the last seq seen.
        if (this.rooms.get(frame.room) === null) this.rooms.set(frame.room, 0);
        this.emit('joined', frame);
        break;
      case 'message': {
        const last = this.rooms.get(frame.room);
        if (last !== undefined && last !== null && frame.seq <= last) return; // seen already
        if (last !== undefined) this.rooms.set(frame.room, frame.seq);
        this.emit('message', frame);
        break;
      }
      case 'ack':
        this.unacked.delete(frame.id);
        this.emit('ack', frame);
        break;
      case 'error': {
        const send = this.unacked.get(frame.ref);
        if (send && frame.code === 'rate_limited') {
          // Over the rate: the same send again a second later (its id makes it count once).
          setTimeout(() => { if (this.unacked.has(send.id)) this.send(send); }, 1000);
        } else if (send) {
          this.unacked.delete(frame.ref); // refused for good: re-sending would not help
        }
        this.emit('error', frame);
        break;
      }
      default:
        this.emit(frame.type, frame);
    }
  }

  welcome(frame) {
    const resumed = frame.resumed && this.token !== null;
    this.token = frame.resume;
    this.node = frame.node;
    this.attempt = 0;
    this.welcomed = true;
    if (frame.heartbeat) this.heartbeat = frame.heartbeat;
    this.setState(resumed ? 'resumed' : 'connected');
    for (const room of this.rooms.keys()) this.join(room);
    for (const send of this.unacked.values()) this.send(send);
    this.emit('welcome', frame);
  }
}

function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'c-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
