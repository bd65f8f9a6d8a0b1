// Convenience only: the filter form submits itself when the risk class changes. Everything works without it.
(function () {
    const select = document.getElementById('class-filter');
    if (select) {
        select.addEventListener('change', () => select.form.submit());
    }
})();
