// Live updates: a WebSocket to the API's `graphql/ws`, spoken as
// graphql-transport-ws by hand (connection_init → connection_ack →
// subscribe → next …), subscribed to `corpusChanged`. Each event is handed
// to `onChange`; a socket that closes is opened again after 1 s, 2 s, 4 s …
// up to 30 s, with some jitter so that many tabs do not come back at once.
//
// `document.body.dataset.live` says where the socket is: `connecting`,
// `connected` (acknowledged and subscribed) or `closed`.

const PROTOCOL = 'graphql-transport-ws';
const QUERY = 'subscription CorpusChanged { corpusChanged { version guidesChanged guidesAdded guidesRemoved } }';
const FIRST_DELAY = 1000;
const LONGEST_DELAY = 30_000;

/** The WebSocket address of the API: `graphql/ws` beside the page, ws: or wss:. */
export function socketUrl() {
  const url = new URL('graphql/ws', document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

function mark(state) {
  document.body.dataset.live = state;
}

/**
 * Calls `onChange(corpusChanged)` for every reload that changes the corpus,
 * for as long as the page is open. Returns a function that stops it.
 */
export function watchCorpus(onChange, url = socketUrl()) {
  if (typeof WebSocket !== 'function') return () => {};
  let socket = null;
  let delay = FIRST_DELAY;
  let retry = null;
  let stopped = false;

  const send = (message) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
  };

  function connect() {
    retry = null;
    mark('connecting');
    try {
      socket = new WebSocket(url, PROTOCOL);
    } catch (error) {
      console.warn('live updates are off:', error);
      mark('closed');
      return;
    }
    socket.addEventListener('open', () => send({ type: 'connection_init' }));
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      switch (message.type) {
        case 'connection_ack':
          delay = FIRST_DELAY;
          send({ id: 'corpus', type: 'subscribe', payload: { query: QUERY, operationName: 'CorpusChanged' } });
          mark('connected');
          break;
        case 'ping':
          send({ type: 'pong' });
          break;
        case 'next': {
          const changes = message.payload?.data?.corpusChanged;
          if (message.id === 'corpus' && changes) onChange(changes);
          else if (message.payload?.errors) console.warn('corpusChanged:', message.payload.errors);
          break;
        }
        case 'error':
          console.warn('corpusChanged:', message.payload);
          break;
        case 'complete':
          // The server ended the subscription: start again on a new socket.
          socket.close(1000, 'resubscribing');
          break;
        default:
          break;
      }
    });
    socket.addEventListener('close', () => {
      mark('closed');
      socket = null;
      if (stopped) return;
      const wait = delay * (0.75 + Math.random() / 2);
      delay = Math.min(delay * 2, LONGEST_DELAY);
      retry = setTimeout(connect, wait);
    });
  }

  connect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    socket?.close(1000, 'page closed');
  };
}
