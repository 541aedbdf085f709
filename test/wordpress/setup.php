<?php
// Drives a real WordPress from the command line for test/node/wordpress.test.mjs
// (Debian 12 has no wp-cli). Usage: php setup.php <wordpress dir> install|activate|posts
// - install: wp_install(), as the installer page does;
// - activate: activate_plugin( 'loket/loket.php' ), which checks the plugin's
//   "Requires at least" and "Requires PHP" headers like the Plugins screen;
// - posts: creates an Author, then, as that Author (so WordPress's KSES filter
//   runs on what is saved, as it does for every role without unfiltered_html),
//   publishes one post per { key, content } read as JSON from stdin.
// Prints JSON; exits 1 with the reason when WordPress refuses.
$dir  = $argv[1];
$step = $argv[2];
$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
if ( 'install' === $step ) {
	define( 'WP_INSTALLING', true );
}
require $dir . '/wp-load.php';

function loket_fail( $why ) {
	fwrite( STDERR, $why . "\n" );
	exit( 1 );
}

switch ( $step ) {
	case 'install':
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$result = wp_install( 'Kantor Contoh', 'admin', 'admin@example.org', false, '', 'rahasia-admin-123' );
		echo json_encode( array( 'user' => $result['user_id'], 'version' => $GLOBALS['wp_version'], 'locale' => get_locale() ) );
		break;

	case 'activate':
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$result = activate_plugin( 'loket/loket.php' );
		if ( is_wp_error( $result ) ) {
			loket_fail( 'activate_plugin: ' . $result->get_error_message() );
		}
		echo json_encode( array( 'active' => is_plugin_active( 'loket/loket.php' ) ) );
		break;

	case 'posts':
		$author = wp_insert_user(
			array(
				'user_login' => 'penulis',
				'user_pass'  => 'rahasia-penulis-123',
				'user_email' => 'penulis@example.org',
				'role'       => 'author',
			)
		);
		if ( is_wp_error( $author ) ) {
			loket_fail( 'wp_insert_user: ' . $author->get_error_message() );
		}
		wp_set_current_user( $author );
		if ( current_user_can( 'unfiltered_html' ) ) {
			loket_fail( 'the Author can post unfiltered HTML; the test would not be realistic' );
		}
		kses_init(); // For the user now current, as WordPress does on init.
		$ids = array();
		foreach ( json_decode( stream_get_contents( STDIN ), true ) as $post ) {
			$id = wp_insert_post(
				array(
					'post_title'   => wp_slash( $post['key'] ),
					'post_content' => wp_slash( $post['content'] ), // wp_insert_post() unslashes.
					'post_status'  => 'publish',
					'post_author'  => $author,
				),
				true
			);
			if ( is_wp_error( $id ) ) {
				loket_fail( 'wp_insert_post: ' . $id->get_error_message() );
			}
			$ids[ $post['key'] ] = $id;
		}
		echo json_encode( $ids );
		break;

	default:
		loket_fail( "unknown step $step" );
}
