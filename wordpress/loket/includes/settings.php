<?php
/**
 * Settings → loket: where loket.js is, its integrity hash, and the default
 * language of the widgets. Built on the Settings API, which checks the nonce
 * (settings_fields) and the manage_options capability on save (options.php);
 * the page itself checks the capability again before printing anything.
 *
 * @package loket
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The option holding the settings: [ 'script_url' => '', 'integrity' => '', 'lang' => 'id' ]. */
define( 'LOKET_OPTION', 'loket_settings' );

/** The saved settings, with defaults for what was never saved. */
function loket_settings() {
	$saved = get_option( LOKET_OPTION, array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array(
			'script_url' => '',
			'integrity'  => '',
			'lang'       => 'id',
		)
	);
}

/** Whether a value is a Subresource Integrity hash (sha256, sha384 or sha512). */
function loket_is_integrity( $value ) {
	return 1 === preg_match( '/^sha(256|384|512)-[A-Za-z0-9+\/]+={0,2}$/', (string) $value );
}

/**
 * The language a widget gets when its shortcode has no valid lang: Indonesian
 * unless Settings → loket says English, or "follow the site" (Indonesian for
 * an id_ID site, English otherwise).
 */
function loket_default_lang() {
	$lang = loket_settings()['lang'];
	if ( 'site' === $lang ) {
		return 0 === strpos( get_locale(), 'id' ) ? 'id' : 'en';
	}
	return 'en' === $lang ? 'en' : 'id';
}

/**
 * The loket.js to load: [ 'url' => …, 'integrity' => …, 'source' => constant|settings|bundled|none ].
 * wp-config.php constants win over the settings page, which wins over the
 * copy bundled in this plugin's dist/ (whose hash comes from dist/sri.json).
 */
function loket_script() {
	if ( defined( 'LOKET_SCRIPT_URL' ) ) {
		$integrity = defined( 'LOKET_SCRIPT_INTEGRITY' ) && loket_is_integrity( LOKET_SCRIPT_INTEGRITY ) ? LOKET_SCRIPT_INTEGRITY : '';
		return array( 'url' => LOKET_SCRIPT_URL, 'integrity' => $integrity, 'source' => 'constant' );
	}
	$settings = loket_settings();
	if ( '' !== $settings['script_url'] ) {
		return array( 'url' => $settings['script_url'], 'integrity' => $settings['integrity'], 'source' => 'settings' );
	}
	$bundled = loket_bundled();
	if ( $bundled ) {
		return array( 'url' => plugins_url( 'dist/loket.js', dirname( __DIR__ ) . '/loket.php' ), 'integrity' => $bundled['integrity'], 'source' => 'bundled' );
	}
	return array( 'url' => plugins_url( 'dist/loket.js', dirname( __DIR__ ) . '/loket.php' ), 'integrity' => '', 'source' => 'none' );
}

/** The loket copy inside this plugin (dist/): [ 'version' => …, 'integrity' => … ], or null. */
function loket_bundled() {
	$dir = dirname( __DIR__ ) . '/dist';
	if ( ! is_readable( $dir . '/loket.js' ) || ! is_readable( $dir . '/sri.json' ) ) {
		return null;
	}
	$sri = json_decode( (string) file_get_contents( $dir . '/sri.json' ), true );
	if ( ! is_array( $sri ) || ! isset( $sri['loket.js'], $sri['version'] ) || ! loket_is_integrity( $sri['loket.js'] ) ) {
		return null;
	}
	return array( 'version' => (string) $sri['version'], 'integrity' => $sri['loket.js'] );
}

/**
 * Cleans what the settings form sent. A bad value keeps the previous one and
 * says why (add_settings_error), instead of saving something that breaks pages.
 *
 * @param mixed $input The submitted option.
 * @return array
 */
function loket_sanitize_settings( $input ) {
	$old   = loket_settings();
	$input = is_array( $input ) ? $input : array();
	$clean = $old;

	$url = isset( $input['script_url'] ) ? trim( (string) $input['script_url'] ) : '';
	if ( '' === $url ) {
		$clean['script_url'] = '';
	} elseif ( preg_match( '#^(https?://[^/\s]+)?/\S*loket\.js$#i', $url ) ) {
		$clean['script_url'] = esc_url( $url, array( 'http', 'https' ), 'db' );
	} else {
		add_settings_error( LOKET_OPTION, 'loket-url', __( 'Alamat loket.js harus diawali https://, http://, atau / dan berakhir dengan loket.js. Alamat lama tetap dipakai.', 'loket' ) );
	}

	$integrity = isset( $input['integrity'] ) ? trim( (string) $input['integrity'] ) : '';
	if ( '' === $integrity || loket_is_integrity( $integrity ) ) {
		$clean['integrity'] = $integrity;
	} else {
		add_settings_error( LOKET_OPTION, 'loket-integrity', __( 'Hash integritas harus berbentuk sha384-… (salin dari sri.json). Hash lama tetap dipakai.', 'loket' ) );
	}
	if ( '' === $clean['script_url'] ) {
		$clean['integrity'] = ''; // The bundled copy brings its own hash.
	}

	$lang           = isset( $input['lang'] ) ? (string) $input['lang'] : 'id';
	$clean['lang'] = in_array( $lang, array( 'id', 'en', 'site' ), true ) ? $lang : 'id';
	return $clean;
}

/** Registers the option and adds the page under Settings. */
function loket_admin_init() {
	register_setting(
		'loket',
		LOKET_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'loket_sanitize_settings',
			'default'           => array(),
		)
	);
}
add_action( 'admin_init', 'loket_admin_init' );

/** Adds Settings → loket for users who can manage options. */
function loket_admin_menu() {
	add_options_page( 'loket', 'loket', 'manage_options', 'loket', 'loket_settings_page' );
}
add_action( 'admin_menu', 'loket_admin_menu' );

/** Prints the settings page. */
function loket_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Anda tidak berhak mengubah pengaturan loket.', 'loket' ), 403 );
	}
	$settings = loket_settings();
	$bundled  = loket_bundled();
	$script   = loket_script();
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Pengaturan loket', 'loket' ); ?></h1>
		<p>
			<?php
			if ( 'constant' === $script['source'] ) {
				esc_html_e( 'loket.js ditentukan oleh LOKET_SCRIPT_URL di wp-config.php; alamat di bawah tidak dipakai.', 'loket' );
			} elseif ( $bundled ) {
				/* translators: %s: the loket version bundled in the plugin. */
				echo esc_html( sprintf( __( 'Plugin ini membawa loket %s. Kosongkan alamat di bawah untuk memakainya.', 'loket' ), $bundled['version'] ) );
			} else {
				esc_html_e( 'Plugin ini tidak membawa berkas loket (folder dist/ kosong): isi alamat loket.js di bawah, atau pasang loket-wordpress-<versi>.zip.', 'loket' );
			}
			?>
		</p>
		<p><?php echo esc_html( sprintf( /* translators: %s: the address of loket.js in use. */ __( 'Dipakai sekarang: %s', 'loket' ), $script['url'] ) ); ?></p>
		<form method="post" action="options.php">
			<?php settings_fields( 'loket' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="loket-script-url"><?php esc_html_e( 'Alamat loket.js', 'loket' ); ?></label></th>
					<td>
						<input name="<?php echo esc_attr( LOKET_OPTION ); ?>[script_url]" id="loket-script-url" type="text" class="regular-text code" value="<?php echo esc_attr( $settings['script_url'] ); ?>" aria-describedby="loket-script-url-hint">
						<p class="description" id="loket-script-url-hint"><?php esc_html_e( 'Kosongkan untuk memakai berkas di dalam plugin. Untuk server pusat kabupaten: alamat folder bernomor versi, misalnya https://loket.kab.example/loket/0.1.0/loket.js.', 'loket' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="loket-integrity"><?php esc_html_e( 'Hash integritas (SRI)', 'loket' ); ?></label></th>
					<td>
						<input name="<?php echo esc_attr( LOKET_OPTION ); ?>[integrity]" id="loket-integrity" type="text" class="large-text code" value="<?php echo esc_attr( $settings['integrity'] ); ?>" aria-describedby="loket-integrity-hint">
						<p class="description" id="loket-integrity-hint"><?php esc_html_e( 'Untuk alamat di atas: nilai "loket.js" di sri.json versi yang sama (sha384-…). Peramban menolak loket.js yang isinya berbeda.', 'loket' ); ?></p>
					</td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Bahasa bawaan widget', 'loket' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Bahasa bawaan widget', 'loket' ); ?></legend>
							<?php
							$choices = array(
								'id'   => __( 'Bahasa Indonesia', 'loket' ),
								'en'   => __( 'English', 'loket' ),
								'site' => __( 'Ikuti bahasa situs (Indonesia bila bahasa situs id_ID, selain itu Inggris)', 'loket' ),
							);
							foreach ( $choices as $value => $label ) {
								printf(
									'<label><input type="radio" name="%1$s[lang]" value="%2$s"%3$s> %4$s</label><br>',
									esc_attr( LOKET_OPTION ),
									esc_attr( $value ),
									checked( $settings['lang'], $value, false ),
									esc_html( $label )
								);
							}
							?>
							<p class="description"><?php esc_html_e( 'Atribut lang pada kode pendek ([loket_status lang="en"]) selalu menang.', 'loket' ); ?></p>
						</fieldset>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
