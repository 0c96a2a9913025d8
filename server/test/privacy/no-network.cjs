// Preloaded with `node --require` in privacy tests: any attempt to open a network connection or
// look up a host name is recorded on stderr (and fails), so a test can prove none was made.
// The language server's own stdio pipes are not opened with connect(), so they are unaffected.
const net = require('node:net');
const tls = require('node:tls');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');

function blocked(what) {
  return function () {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    throw new Error(`Caselint privacy guard: ${what} is not allowed`);
  };
}

net.Socket.prototype.connect = blocked('net.Socket.connect');
net.connect = net.createConnection = blocked('net.connect');
tls.connect = blocked('tls.connect');
http.request = http.get = blocked('http.request');
https.request = https.get = blocked('https.request');
dns.lookup = dns.resolve = blocked('dns.lookup');
dns.promises.lookup = dns.promises.resolve = blocked('dns.promises.lookup');
globalThis.fetch = blocked('fetch');
