// Shared by the shop's pages: money formatting, JSON calls, and the header's sign-in box.

// ISO 4217 minor units that are not 2 (as ShopMoney.cs on the server: keep the two in step).
const noMinorUnit = new Set('BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' '));
const threeDecimals = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

// Dodo's amounts are integers in the currency's smallest unit: money(354, 'USD') is "$3.54", money(500, 'JPY') "¥500".
// The one place the pages turn an amount into text.
function money(amount, currency) {
  const code = (currency || 'USD').toUpperCase();
  const digits = noMinorUnit.has(code) ? 0 : threeDecimals.has(code) ? 3 : 2;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(amount / 10 ** digits);
}

async function callJson(path, options = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...options,
    headers: options.body ? { 'Content-Type': 'application/json' } : {},
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  return { ok: response.ok, status: response.status, body };
}

// A ProblemDetails (or ValidationProblemDetails) as one line.
function describeProblem(result) {
  const problem = result.body || {};
  const errors = problem.errors ? Object.values(problem.errors).flat().join(' ') : '';
  return [problem.title || `HTTP ${result.status}`, problem.detail, errors].filter(Boolean).join(' ');
}

async function loadAccount() {
  const account = (await callJson('/api/account')).body;
  const box = document.getElementById('user');
  box.replaceChildren();
  if (account.signedIn) {
    const name = document.createElement('span');
    name.id = 'user-name';
    name.textContent = `Signed in as ${account.name} `;
    const signOut = document.createElement('button');
    signOut.id = 'sign-out';
    signOut.textContent = 'Sign out';
    signOut.onclick = async () => { await callJson('/api/account/sign-out', { method: 'POST' }); location.reload(); };
    box.append(name, signOut);
  } else {
    const signIn = document.createElement('button');
    signIn.id = 'sign-in';
    signIn.className = 'primary';
    signIn.textContent = 'Sign in as demo user';
    signIn.onclick = async () => { await callJson('/api/account/sign-in', { method: 'POST' }); location.reload(); };
    box.append(signIn);
  }
  return account;
}
