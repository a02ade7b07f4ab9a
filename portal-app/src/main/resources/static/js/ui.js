// Kinship's components that need a script (see /styleguide): a toast goes away after a few
// seconds, and a button with data-opens-dialog="id" opens that dialog. Without the script a
// toast stays and the dialog's button does nothing more than the form around it allows.
(function () {
	'use strict';
	document.querySelectorAll('[data-toast]').forEach(function (toast) {
		setTimeout(function () {
			toast.remove();
		}, 6000);
	});
	document.querySelectorAll('[data-opens-dialog]').forEach(function (button) {
		var dialog = document.getElementById(button.getAttribute('data-opens-dialog'));
		if (!dialog || typeof dialog.showModal !== 'function') {
			return;
		}
		button.addEventListener('click', function (event) {
			event.preventDefault();
			dialog.showModal();
		});
		dialog.addEventListener('close', function () {
			var form = button.form;
			if (dialog.returnValue === 'confirm' && form) {
				form.submit();
			}
			button.focus();
		});
	});
})();
