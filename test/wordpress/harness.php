<?php
// Runs the plugin's shortcodes outside WordPress, with small stand-ins for
// the WordPress functions it calls (same contracts, simplified), and prints
// JSON for test/node/wordpress.test.mjs. It checks the plugin's own logic —
// whitelisting, escaping, enqueueing — not WordPress.
define( 'ABSPATH', __DIR__ . '/' );

$GLOBALS['shortcodes'] = array();
$GLOBALS['filters']    = array();
$GLOBALS['enqueued']   = array();

function add_shortcode( $tag, $callback ) { $GLOBALS['shortcodes'][ $tag ] = $callback; }
function add_filter( $hook, $callback, $priority = 10, $args = 1 ) { $GLOBALS['filters'][ $hook ][] = $callback; }
function shortcode_atts( $pairs, $atts, $shortcode = '' ) {
	$out = array();
	foreach ( $pairs as $name => $default ) {
		$out[ $name ] = array_key_exists( $name, $atts ) ? $atts[ $name ] : $default;
	}
	return $out;
}
// Like WordPress, esc_attr does not encode an entity twice.
function esc_attr( $text ) { return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8', false ); }
function esc_url( $url, $protocols = null ) {
	$url = trim( (string) $url );
	if ( preg_match( '/^([a-z][a-z0-9+.-]*):/i', $url, $m ) && ! in_array( strtolower( $m[1] ), $protocols ?? array( 'http', 'https' ), true ) ) {
		return '';
	}
	return htmlspecialchars( str_replace( ' ', '%20', $url ), ENT_QUOTES, 'UTF-8' );
}
function absint( $n ) { return abs( (int) $n ); }
function wp_kses_post( $html ) { return strip_tags( $html, '<a><p><strong><em>' ); }
function plugins_url( $path, $file ) { return 'https://example.test/wp-content/plugins/loket/' . $path; }
function wp_script_is( $handle, $status ) { return isset( $GLOBALS['enqueued'][ $handle ] ); }
function wp_enqueue_script( $handle, $src, $deps, $ver, $args ) { $GLOBALS['enqueued'][ $handle ] = array( 'src' => $src, 'args' => $args ); }

if ( getenv( 'LOKET_INTEGRITY' ) ) {
	define( 'LOKET_SCRIPT_INTEGRITY', getenv( 'LOKET_INTEGRITY' ) );
}
require __DIR__ . '/../../wordpress/loket/loket.php';

$input  = json_decode( stream_get_contents( STDIN ), true );
$output = array();
foreach ( $input as $case ) {
	$tag      = $case['shortcode'];
	$output[] = isset( $GLOBALS['shortcodes'][ $tag ] ) ? call_user_func( $GLOBALS['shortcodes'][ $tag ], $case['atts'], $case['content'] ?? null, $tag ) : null;
}
$enqueued = $GLOBALS['enqueued']['loket'] ?? null;
$tag      = $enqueued ? loket_script_tag( '<script src="x"></script>', 'loket', $enqueued['src'] ) : null;
echo json_encode( array( 'html' => $output, 'enqueued' => $enqueued, 'tag' => $tag, 'shortcodes' => array_keys( $GLOBALS['shortcodes'] ) ) );
