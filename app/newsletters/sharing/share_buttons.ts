/** The share page's buttons for a share link: LinkedIn, Facebook and a mail to write oneself. */
export function shareButtons(url: string, subject: string) {
  return {
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    email: `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(url)}`,
  }
}
