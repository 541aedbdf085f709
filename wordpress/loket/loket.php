<?php
/**
 * Plugin Name:       loket
 * Description:       Banner status layanan, daftar persyaratan, formulir permohonan, dan pelacakan permohonan untuk kantor perizinan (DPMPTSP/PTSP): [loket_status], [loket_checklist], [loket_form], [loket_tracking].
 * Version:           0.1.0
 * Requires at least: 5.8
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
 * Where loket.js comes from: the dist/ folder inside this plugin (the release's
 * loket-wordpress-<version>.zip has it), or the address set on Settings → loket,
 * or LOKET_SCRIPT_URL / LOKET_SCRIPT_INTEGRITY in wp-config.php.
 *
 * Works from WordPress 5.8: it uses nothing newer than the Settings API and
 * wp_enqueue_script( …, $in_footer = true ), and prints its own module tag, so
 * the loading strategies of 6.3 are not needed.
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'LOKET_PLUGIN_VERSION', '0.1.0' );

require_once __DIR__ . '/includes/settings.php';

/**
 * The shortcodes: shortcode => [ element, [ shortcode attribute => [ HTML attribute, kind ] ] ].
 * Kinds: url (http, https or relative, resolved against the site), lang (id|en),
 * seconds (an integer from 15 to 86400), level (1–6), flag (present when truthy),
 * bool (true|false), prefill (url|none), datetime (YYYY-MM-DDTHH:MM).
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
		'loket_tracking'  => array(
			'loket-application-status',
			array( 'endpoint' => array( 'endpoint', 'url' ) ) + $common,
		),
	);
}

/**
 * A document or endpoint address as the browser should get it, or null.
 *
 * esc_url() alone reads "status.json" as a host name (http://status.json), and
 * a path relative to a post's address (/2024/05/jam-layanan/) would point into
 * the post. So: absolute http(s) URLs and root-relative paths stay as they are;
 * other relative paths are read from the site's home address; other schemes
 * (javascript:, data:) are dropped.
 *
 * @param string $value What the author wrote.
 * @return string|null
 */
function loket_resolve_url( $value ) {
	if ( preg_match( '/^[a-z][a-z0-9+.-]*:/i', $value ) ) {
		$scheme = strtolower( substr( $value, 0, strpos( $value, ':' ) ) );
		if ( 'http' !== $scheme && 'https' !== $scheme ) {
			return null;
		}
	} elseif ( '/' !== substr( $value, 0, 1 ) ) {
		$value = home_url( '/' . preg_replace( '#^(\./)+#', '', $value ) );
	}
	$url = esc_url( $value, array( 'http', 'https' ), 'db' ); // 'db': unencoded, like esc_url_raw (deprecated in 5.9–6.0).
	return '' === $url ? null : $url;
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
			return loket_resolve_url( $value );
		case 'lang':
			return in_array( $value, array( 'id', 'en' ), true ) ? $value : null;
		case 'seconds':
			$n = absint( $value );
			return ( $n >= 15 && $n <= DAY_IN_SECONDS ) ? (string) $n : null;
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
 * Without a valid lang attribute the element gets the default language from
 * Settings → loket (Indonesian unless changed), never the site's page language:
 * a site left in English would otherwise show English widgets.
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
	if ( null === loket_clean_value( 'lang', $atts['lang'] ) ) {
		$atts['lang'] = loket_default_lang();
	}

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

/** Enqueues loket.js once, in the footer; loket_script_tag() prints it as a module. */
function loket_enqueue() {
	if ( wp_script_is( 'loket', 'enqueued' ) ) {
		return;
	}
	// No ?ver= query: loket.js is pinned by its folder, and its chunks load relative to it.
	wp_enqueue_script( 'loket', loket_script()['url'], array(), null, true );
}

/**
 * Prints loket.js as `<script type="module" defer>`, with integrity when one is
 * known (Settings → loket, LOKET_SCRIPT_INTEGRITY, or the bundled dist/sri.json).
 * Modules are deferred anyway; `defer` says so for readers and for old
 * optimisation plugins that look for it.
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
	$integrity = loket_script()['integrity'];
	$integrity = '' !== $integrity ? sprintf( ' integrity="%s" crossorigin="anonymous"', esc_attr( $integrity ) ) : '';
	return sprintf( '<script type="module" src="%s" id="loket-js" defer%s></script>' . "\n", esc_url( $src ), $integrity );
}
add_filter( 'script_loader_tag', 'loket_script_tag', 10, 3 );

foreach ( array_keys( loket_shortcodes() ) as $loket_shortcode ) {
	add_shortcode( $loket_shortcode, 'loket_shortcode' );
}
unset( $loket_shortcode );

/**
 * The shortcode callback; WordPress passes the shortcode's name third.
 *
 * @param array|string $atts    Attributes.
 * @param string|null  $content Enclosed content.
 * @param string       $tag     The shortcode's name.
 * @return string
 */
function loket_shortcode( $atts, $content = null, $tag = '' ) {
	return loket_render( $tag, $atts, $content );
}

/**
 * Renders the loket block: the element the matching shortcode makes, with the
 * editor's fallback link (text escaped, address checked like src).
 *
 * @param array $attributes The block's attributes (block/block.json).
 * @return string
 */
function loket_render_block( $attributes ) {
	$shortcodes = array(
		'status'    => 'loket_status',
		'checklist' => 'loket_checklist',
		'form'      => 'loket_form',
		'tracking'  => 'loket_tracking',
	);
	$widget   = isset( $attributes['widget'], $shortcodes[ $attributes['widget'] ] ) ? $attributes['widget'] : 'status';
	$text     = isset( $attributes['fallbackText'] ) ? trim( (string) $attributes['fallbackText'] ) : '';
	$href     = isset( $attributes['fallbackUrl'] ) ? trim( (string) $attributes['fallbackUrl'] ) : '';
	$href     = '' === $href ? null : loket_resolve_url( $href );
	$fallback = '' === $text ? '' : ( $href ? sprintf( '<a href="%s">%s</a>', esc_url( $href ), esc_html( $text ) ) : esc_html( $text ) );
	$address  = isset( $attributes['src'] ) ? (string) $attributes['src'] : '';
	$atts     = array(
		'tracking' === $widget ? 'endpoint' : 'src' => $address, // The tracking page asks a service.
		'lang'                                       => isset( $attributes['lang'] ) ? (string) $attributes['lang'] : '',
	);
	return loket_render( $shortcodes[ $widget ], $atts, $fallback );
}

/** Registers the block (block/block.json; its editor script needs no build). */
function loket_register_block() {
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'loket_render_block' ) );
}
add_action( 'init', 'loket_register_block' );
