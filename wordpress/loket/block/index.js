// The loket block in the editor: choose the widget, the document and the
// language; the page gets the same element the shortcodes make (rendered in
// PHP by loket_render_block). Plain JavaScript on WordPress's globals, so the
// plugin needs no build step.
( function ( wp ) {
	var el = wp.element.createElement;
	var Placeholder = wp.components.Placeholder;
	var SelectControl = wp.components.SelectControl;
	var TextControl = wp.components.TextControl;

	var WIDGETS = [
		{ value: 'status', label: 'Status layanan' },
		{ value: 'checklist', label: 'Daftar persyaratan' },
		{ value: 'form', label: 'Formulir permohonan' },
		{ value: 'tracking', label: 'Lacak permohonan' },
	];
	var LANGS = [
		{ value: '', label: 'Bahasa bawaan (Pengaturan → loket)' },
		{ value: 'id', label: 'Bahasa Indonesia' },
		{ value: 'en', label: 'English' },
	];

	wp.blocks.registerBlockType( 'loket/widget', {
		edit: function ( props ) {
			var a = props.attributes;
			function set( key ) {
				return function ( value ) {
					var change = {};
					change[ key ] = value;
					props.setAttributes( change );
				};
			}
			return el(
				'div',
				wp.blockEditor.useBlockProps(),
				el(
					Placeholder,
					{ icon: 'clock', label: 'loket', instructions: 'Widget tampil di halaman yang diterbitkan, dari dokumen JSON di alamat ini.' },
					el( SelectControl, { label: 'Widget', value: a.widget, options: WIDGETS, onChange: set( 'widget' ) } ),
					'tracking' === a.widget
						? el( TextControl, { label: 'Alamat layanan status', value: a.src, placeholder: '/api/status', onChange: set( 'src' ) } )
						: el( TextControl, { label: 'Alamat dokumen JSON', value: a.src, placeholder: '/loket/status.json', onChange: set( 'src' ) } ),
					el( SelectControl, { label: 'Bahasa', value: a.lang, options: LANGS, onChange: set( 'lang' ) } ),
					el( TextControl, { label: 'Tautan cadangan (alamat)', value: a.fallbackUrl, placeholder: '/layanan', onChange: set( 'fallbackUrl' ) } ),
					el( TextControl, { label: 'Tautan cadangan (teks)', value: a.fallbackText, placeholder: 'Lihat status layanan di situs kantor', onChange: set( 'fallbackText' ) } )
				)
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp );
