/** The form the board posts to add a member with its primary contact. */
export const NEW_MEMBER = {
  name: 'Fri Af Misbrug',
  type: 'ngo',
  legal_form: 'Forening',
  cvr: '10150817',
  postcode: '5000',
  city: 'Odense',
  status: 'active',
  joined_on: '2021-01-15',
  contact_name: 'Frederik Frost',
  contact_email: 'Frederik@Example.org',
  contact_phone: '+45 20 66 77 88',
}
