/**
 * A client for film-grab.com: find a film, read its page, fetch its stills, politely and safely.
 *
 * <p>{@link palette.filmgrab.FilmGrab} is the front door. It reads the site's real markup (the
 * Photo Gallery plugin's {@code a.bwg_lightbox} links, the A–Z index's {@code a.title} links),
 * spaces requests one second apart per host, retries 429/5xx with backoff, caps every response
 * (pages 5 MB, images 30 MB) and fetches nothing but https on the allowlisted hosts, re-checking
 * every redirect. Failures are {@link palette.filmgrab.FilmGrabException}s with the URL and status.
 */
package palette.filmgrab;
