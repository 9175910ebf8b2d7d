// Shared by the shop's pages: money formatting, JSON calls, and the header's sign-in box.
function money(amount, currency) {
  return `${(amount / 100).toFixed(2)} ${currency}`;
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
