/**
 * The HTTP plumbing every provider client shares, published so that a provider can live in a module of its own: a
 * provider extends {@link dev.raq.clients.http.HttpModelClient} (builds its request, implements
 * {@code send}) and {@link dev.raq.clients.http.HttpClientBuilder}, and hands its
 * {@link dev.raq.clients.http.ReplyReader} to the {@link dev.raq.clients.http.HttpTransport}, which times the call,
 * follows server-sent events, maps every failure to a {@link dev.raq.core.model.ModelCallException} with the right
 * retriability and masks keys in every error text.
 */
@NullMarked
package dev.raq.clients.http;

import org.jspecify.annotations.NullMarked;
