/*
 * A POST from a page's script, as the server expects one: the form's CSRF
 * token in its header, JSON in and JSON out.
 */
export function postJson(url, form, body) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'accept': 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': form.querySelector('input[name="_csrf"]').value,
    },
    body: JSON.stringify(body),
  })
}
