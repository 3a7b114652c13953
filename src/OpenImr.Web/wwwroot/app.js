// OpenIMR: scrolls the records viewer to an evidence span and marks it, so a reviewer sees the sentence a criterion rests on.
window.openImr = {
    showEvidence: function (elementId) {
        const element = document.getElementById(elementId);
        if (!element) {
            return false;
        }
        document.querySelectorAll('.imr-evidence-active').forEach(e => e.classList.remove('imr-evidence-active'));
        element.classList.add('imr-evidence-active');
        element.scrollIntoView({ block: 'center' });
        element.focus({ preventScroll: true });
        return true;
    }
};
