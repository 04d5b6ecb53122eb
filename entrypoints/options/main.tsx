import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import '../../components/options/options.css';

const root = document.getElementById('app');
if (!root) throw new Error('options.html lost its #app element');
render(<OptionsApp />, root);
