<?php
// Dependencies of index.js (plain JavaScript, no build step), as WordPress 5.8 requires beside a block's editorScript.
return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor' ),
	'version'      => '0.1.0',
);
