<?php
/**
 * Plugin Name:       loket
 * Description:       Service-status banners, requirement checklists and permit forms for Indonesian permit offices (DPMPTSP), from JSON documents: [loket_status], [loket_checklist] and [loket_form].
 * Version:           0.1.0
 * Requires at least: 6.3
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       loket
 *
 * Why shortcodes: WordPress removes <script> and unknown tags such as
 * <loket-service-status> from posts saved by anyone without the
 * unfiltered_html capability (Authors, Contributors, and on multisite every
 * site Administrator). A shortcode survives that filter; this plugin turns it
 * into the element, with every attribute whitelisted and escaped, and loads
 * loket.js (a module, deferred) only on pages that use one.
 *
 * Where loket.js comes from: copy the package's dist/ folder to
 * wp-content/plugins/loket/dist/, or define LOKET_SCRIPT_URL in wp-config.php
 * (a pinned folder such as https://example.go.id/loket/0.1.0/loket.js), and
 * optionally LOKET_SCRIPT_INTEGRITY with the sha384 from dist/sri.json.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'LOKET_PLUGIN_VERSION', '0.1.0' );

/**
 * The shortcodes: shortcode => [ element, [ shortcode attribute => [ HTML attribute, kind ] ] ].
 * Kinds: url (esc_url), lang (id|en), seconds (integer, at least 15), level (1–6),
 * flag (present when truthy), bool (true|false), datetime (YYYY-MM-DDTHH:MM).
 * Anything not listed here is dropped.
 */
function loket_shortcodes() {
	$common = array(
		'src'           => array( 'src', 'url' ),
		'lang'          => array( 'lang', 'lang' ),
		'timeout'       => array( 'timeout', 'seconds' ),
		'heading_level' => array( 'heading-level', 'level' ),
	);
	return array(
		'loket_status'    => array(
			'loket-service-status',
			$common + array(
				'refresh'  => array( 'refresh', 'seconds' ),
				'expanded' => array( 'expanded', 'flag' ),
				'now'      => array( 'now', 'datetime' ),
			),
		),
		'loket_checklist' => array(
			'loket-requirement-checklist',
			$common + array(
				'remember_answers' => array( 'remember-answers', 'bool' ),
			),
		),
		'loket_form'      => array(
			'loket-permit-form',
			$common + array(
				'action'  => array( 'action', 'url' ),
				'prefill' => array( 'prefill', 'prefill' ),
			),
		),
	);
}

/**
 * One attribute value made safe for its kind, or null to leave it out.
 *
 * @param string $kind  One of the kinds above.
 * @param mixed  $value What the author wrote.
 * @return string|null
 */
function loket_clean_value( $kind, $value ) {
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	switch ( $kind ) {
		case 'url':
			// esc_url keeps relative URLs and drops javascript:, data: and the like.
			$url = esc_url( $value, array( 'https', 'http' ) );
			return '' === $url ? null : $url;
		case 'lang':
			return in_array( $value, array( 'id', 'en' ), true ) ? $value : null;
		case 'seconds':
			$n = absint( $value );
			return $n >= 15 ? (string) $n : null;
		case 'level':
			$n = absint( $value );
			return ( $n >= 1 && $n <= 6 ) ? (string) $n : null;
		case 'flag':
			return in_array( strtolower( $value ), array( '1', 'true', 'yes', 'ya' ), true ) ? '' : null;
		case 'bool':
			return in_array( strtolower( $value ), array( '0', 'false', 'no', 'tidak' ), true ) ? 'false' : 'true';
		case 'prefill':
			return in_array( $value, array( 'url', 'none' ), true ) ? $value : null;
		case 'datetime':
			return preg_match( '/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/', $value ) ? $value : null;
	}
	return null;
}

/**
 * Renders one shortcode as its element. The enclosed content is the fallback a
 * citizen sees until the widget renders, or if it cannot (a link to the office).
 *
 * @param string       $shortcode The shortcode's name.
 * @param array|string $atts      The attributes as WordPress parsed them.
 * @param string|null  $content   Enclosed content, if any.
 * @return string
 */
function loket_render( $shortcode, $atts, $content = null ) {
	$all = loket_shortcodes();
	if ( ! isset( $all[ $shortcode ] ) ) {
		return '';
	}
	list( $element, $allowed ) = $all[ $shortcode ];
	$atts = shortcode_atts( array_fill_keys( array_keys( $allowed ), '' ), (array) $atts, $shortcode );

	$html = '';
	foreach ( $allowed as $name => $spec ) {
		list( $attribute, $kind ) = $spec;
		$value = loket_clean_value( $kind, $atts[ $name ] );
		if ( null === $value ) {
			continue;
		}
		$html .= '' === $value && 'flag' === $kind
			? ' ' . esc_attr( $attribute )
			: sprintf( ' %s="%s"', esc_attr( $attribute ), esc_attr( $value ) );
	}

	loket_enqueue();
	$fallback = null === $content ? '' : wp_kses_post( $content );
	return sprintf( '<%1$s%2$s>%3$s</%1$s>', $element, $html, $fallback );
}

/** Where loket.js is: LOKET_SCRIPT_URL, else dist/loket.js inside this plugin's folder. */
function loket_script_url() {
	return defined( 'LOKET_SCRIPT_URL' ) ? LOKET_SCRIPT_URL : plugins_url( 'dist/loket.js', __FILE__ );
}

/** Enqueues loket.js once, deferred; the loader tag filter below makes it a module. */
function loket_enqueue() {
	if ( wp_script_is( 'loket', 'enqueued' ) ) {
		return;
	}
	// No ?ver= query: loket.js is pinned by its folder, and its chunks load relative to it.
	wp_enqueue_script( 'loket', loket_script_url(), array(), null, array( 'strategy' => 'defer', 'in_footer' => true ) );
}

/**
 * Prints loket.js as `<script type="module" defer>`, with integrity when
 * LOKET_SCRIPT_INTEGRITY is set. Modules are deferred anyway; `defer` says so
 * for readers and for old optimisation plugins that look for it.
 *
 * @param string $tag    The tag WordPress built.
 * @param string $handle The script handle.
 * @param string $src    The script URL.
 * @return string
 */
function loket_script_tag( $tag, $handle, $src ) {
	if ( 'loket' !== $handle ) {
		return $tag;
	}
	$integrity = defined( 'LOKET_SCRIPT_INTEGRITY' ) && preg_match( '/^sha(256|384|512)-[A-Za-z0-9+\/=]+$/', LOKET_SCRIPT_INTEGRITY )
		? sprintf( ' integrity="%s" crossorigin="anonymous"', esc_attr( LOKET_SCRIPT_INTEGRITY ) )
		: '';
	return sprintf( '<script type="module" src="%s" id="loket-js" defer%s></script>' . "\n", esc_url( $src ), $integrity );
}
add_filter( 'script_loader_tag', 'loket_script_tag', 10, 3 );

foreach ( array_keys( loket_shortcodes() ) as $loket_shortcode ) {
	add_shortcode(
		$loket_shortcode,
		function ( $atts, $content = null, $tag = '' ) {
			return loket_render( $tag, $atts, $content );
		}
	);
}
unset( $loket_shortcode );
